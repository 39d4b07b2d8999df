package org.hotline.reporting.kpi;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hotline.events.Channel;
import org.hotline.events.Satisfaction;

/** How the hotline's KPIs are computed from its cases. */
final class KpiFormulas {

    /** The department key of cases no department ever handled, e.g. answered on the spot. */
    static final String NO_DEPARTMENT = "(hotline)";

    private KpiFormulas() {
    }

    static Kpis of(Collection<KpiCase> cases, Duration answerThreshold) {
        long resolved = cases.stream().filter(KpiFormulas::resolved).count();
        long closed = cases.stream().filter(c -> c.closedAt() != null).count();
        List<KpiCase> timedCalls = cases.stream().filter(KpiFormulas::timedCall).toList();
        long answeredInTime = timedCalls.stream().filter(c -> answeredInTime(c, answerThreshold)).count();
        List<KpiCase> withDeadline = cases.stream().filter(c -> resolved(c) && c.resolveBy() != null).toList();
        long onTime = withDeadline.stream().filter(KpiFormulas::resolvedOnTime).count();
        List<KpiCase> reached = cases.stream().filter(KpiFormulas::callbackReachedCaller).toList();
        long satisfied = reached.stream().filter(KpiFormulas::satisfied).count();
        List<KpiCase> callbackExpected = cases.stream().filter(c -> resolved(c) && !c.anonymous()).toList();
        long calledBack = callbackExpected.stream().filter(KpiFormulas::callbackReachedCaller).count();
        return new Kpis(cases.size(), resolved, closed, Kpis.Rate.of(answeredInTime, timedCalls.size()),
                Kpis.Rate.of(onTime, withDeadline.size()), Kpis.Rate.of(satisfied, reached.size()),
                Kpis.Rate.of(calledBack, callbackExpected.size()),
                cases.stream().mapToLong(KpiCase::escalations).sum(), cases.stream().mapToLong(KpiCase::bounces).sum(),
                cases.stream().mapToLong(KpiCase::reopens).sum());
    }

    /** The KPIs of each department, by the department of each case's current assignment, in name order. */
    static Map<String, Kpis> byDepartment(Collection<KpiCase> cases, Duration answerThreshold) {
        Map<String, List<KpiCase>> groups = cases.stream().collect(Collectors.groupingBy(
                c -> c.department() == null ? NO_DEPARTMENT : c.department(), TreeMap::new, Collectors.toList()));
        Map<String, Kpis> kpis = new TreeMap<>(Comparator.naturalOrder());
        groups.forEach((department, group) -> kpis.put(department, of(group, answerThreshold)));
        return kpis;
    }

    /** A phone call whose ring and answer times were recorded. */
    static boolean timedCall(KpiCase c) {
        return c.channel() == Channel.PHONE && c.ringStartedAt() != null && c.answeredAt() != null;
    }

    /** Answered no later than the threshold after the phone started ringing (鈴響三聲內接聽). */
    static boolean answeredInTime(KpiCase c, Duration threshold) {
        return timedCall(c) && Duration.between(c.ringStartedAt(), c.answeredAt()).compareTo(threshold) <= 0;
    }

    /**
     * A result was reported under the current assignment. A case sent back for re-handling and assigned again is
     * not resolved until the department reports again.
     */
    static boolean resolved(KpiCase c) {
        return c.resolvedAt() != null && (c.assignedAt() == null || !c.resolvedAt().isBefore(c.assignedAt()));
    }

    /** Resolved no later than the current assignment's resolve-by deadline. */
    static boolean resolvedOnTime(KpiCase c) {
        return resolved(c) && c.resolveBy() != null && !c.resolvedAt().isAfter(c.resolveBy());
    }

    /** A callback took place and the caller answered it. */
    static boolean callbackReachedCaller(KpiCase c) {
        return c.satisfaction() != null && c.satisfaction() != Satisfaction.NOT_REACHED;
    }

    static boolean satisfied(KpiCase c) {
        return c.satisfaction() == Satisfaction.SATISFIED || c.satisfaction() == Satisfaction.BASICALLY_SATISFIED;
    }
}
