package org.hotline.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.hotline.events.CaseKind;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Urgency;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.routing.calendar.DeadlinePolicy;
import org.hotline.routing.config.RoutingProperties;
import org.hotline.routing.deadlines.Calendars;
import org.hotline.routing.departments.Departments;
import org.hotline.routing.rules.RoutingRules;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The routing state of a case is the same whatever order its input events arrive in, and whatever is delivered
 * twice: every permutation of each history is replayed into a fresh service over an in-memory store.
 */
class RoutingOrderTests {

    static final String CASE = "case-1";
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    final Map<String, RoutedCase> store = new HashMap<>();
    final RoutingService routing = service();

    RoutingService service() {
        RoutedCaseRepository repository = mock(RoutedCaseRepository.class);
        when(repository.findById(anyString())).thenAnswer(call -> Optional.ofNullable(store.get(call
                .getArgument(0, String.class))));
        when(repository.save(any(RoutedCase.class))).thenAnswer(call -> {
            RoutedCase routed = call.getArgument(0, RoutedCase.class);
            store.put(routed.getId(), routed);
            return routed;
        });
        when(repository.insert(any(RoutedCase.class))).thenAnswer(call -> {
            RoutedCase routed = call.getArgument(0, RoutedCase.class);
            if (store.putIfAbsent(routed.getId(), routed) != null) {
                throw new DuplicateKeyException("case " + routed.getId() + " is stored already");
            }
            return routed;
        });
        Calendars calendars = mock(Calendars.class);
        Calendars.InForce calendar = new Calendars.InForce(1, WorkingCalendar.standard());
        when(calendars.current()).thenReturn(calendar);
        when(calendars.current(anyInt())).thenReturn(calendar);
        Departments departments = mock(Departments.class);
        when(departments.exists(anyString())).thenReturn(true);
        RoutingProperties properties = new RoutingProperties(3, null, null, null, Duration.ofSeconds(5));
        RoutingRules rules = RoutingRules.defaults();
        return new RoutingService(repository, () -> rules, calendars, DeadlinePolicy.defaults(), properties,
                departments, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    static EnvelopeAt at(int seconds) {
        return new EnvelopeAt(new EventEnvelope(UUID.randomUUID(), CASE, T0.plusSeconds(seconds), 1, "test", null,
                null));
    }

    record EnvelopeAt(EventEnvelope envelope) {
    }

    Consumer<RoutingService> opened() {
        CaseOpened event = new CaseOpened(at(0).envelope(), "HL-1", Channel.PHONE, CaseKind.COMPLAINT, "LIVING",
                "UTILITIES", Urgency.NORMAL, "No heating", null, null, false, null, null, null, null, null, T0,
                List.of());
        return s -> s.opened(event);
    }

    Consumer<RoutingService> resolved(int second) {
        CaseResolved event = new CaseResolved(at(second).envelope(), "FACILITIES", ResolutionOutcome.RESOLVED, "Fixed",
                null, null, null, List.of(), null, List.of(), false);
        return s -> s.resolved(event);
    }

    Consumer<RoutingService> reopened(int second) {
        CaseReopened event = new CaseReopened(at(second).envelope(), "FACILITIES", "Still cold", 1, false);
        return s -> s.reopened(event);
    }

    Consumer<RoutingService> closed(int second) {
        CaseClosed event = new CaseClosed(at(second).envelope(), CaseOutcome.SATISFIED);
        return s -> s.closed(event);
    }

    /** Replays every order of the history (each event twice) into a fresh service, checking the end state. */
    void everyOrder(List<Consumer<RoutingService>> history, Consumer<RoutedCase> expect) {
        for (List<Consumer<RoutingService>> order : permutations(history)) {
            RoutingOrderTests fresh = new RoutingOrderTests();
            for (Consumer<RoutingService> event : order) {
                event.accept(fresh.routing);
                event.accept(fresh.routing);
            }
            expect.accept(fresh.store.get(CASE));
        }
    }

    @Test
    void whenTheCaseWasReopenedLastThenItIsReworkedByTheSameDepartmentInEveryOrder() {
        everyOrder(List.of(opened(), resolved(10), reopened(20)), routed -> {
            assertThat(routed.getStatus()).isEqualTo(RoutedCase.RoutingStatus.ASSIGNED);
            Assignment lead = routed.lead().orElseThrow();
            assertThat(lead.getReason()).isEqualTo(AssignmentReason.REWORK);
            assertThat(lead.getDepartmentCode()).isEqualTo("FACILITIES");
            assertThat(lead.getStatus()).isEqualTo(Assignment.Status.PENDING);
            assertThat(routed.getAssignments().stream().filter(a -> a.getStatus().open())).hasSize(1);
        });
    }

    @Test
    void whenTheReworkWasResolvedThenNothingIsOpenInEveryOrder() {
        everyOrder(List.of(opened(), resolved(10), reopened(20), resolved(30)), routed -> {
            assertThat(routed.getStatus()).isEqualTo(RoutedCase.RoutingStatus.RESOLVED);
            assertThat(routed.getAssignments()).noneMatch(a -> a.getStatus().open());
        });
    }

    @Test
    void whenTheCaseIsClosedThenNothingIsOpenWhateverCameBefore() {
        everyOrder(List.of(opened(), resolved(10), reopened(20), closed(40)), routed -> {
            assertThat(routed.getStatus()).isEqualTo(RoutedCase.RoutingStatus.CLOSED);
            assertThat(routed.getAssignments()).noneMatch(a -> a.getStatus().open());
        });
    }

    @Test
    void whenOnlyTheOpeningArrivesTwiceThenTheCaseIsAssignedOnceByTheRule() {
        everyOrder(List.of(opened()), routed -> {
            assertThat(routed.getAssignments()).hasSize(1);
            assertThat(routed.lead().orElseThrow().getRuleId()).isEqualTo("r-utilities");
            assertThat(routed.getOutbox()).hasSize(1);
        });
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
