package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseLocation;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.AssignmentRejected;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;

/**
 * Generates plausible cases for the benchmark: a year of cases over 30 departments, 20 categories, every channel,
 * 200 operators, 16 areas and a vocabulary of 400 keywords; most are resolved and closed, some bounce, some stay in
 * the backlog. Each case goes through the real fold and KPI facts, so the buckets are what the service would build.
 */
public final class SyntheticCases {

    private static final Channel[] CHANNELS = Channel.values();

    private SyntheticCases() {
    }

    /** Hands the bucket facts of each of {@code count} cases opened in the year from {@code start} to the sink. */
    public static void generate(int count, Instant start, long seed, CaseFacts.Settings settings,
            Consumer<List<CaseFacts.BucketFacts>> sink) {
        generate(count, start, Duration.ofDays(365), seed, settings, sink);
    }

    /** The same over {@code span} from {@code start}. */
    public static void generate(int count, Instant start, Duration span, long seed, CaseFacts.Settings settings,
            Consumer<List<CaseFacts.BucketFacts>> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            String caseId = "bench-" + i;
            Instant t0 = start.plusSeconds(random.nextLong(span.toSeconds()));
            String department = "DEPT_" + random.nextInt(30);
            String description = "kw" + (char) ('a' + random.nextInt(20)) + (char) ('a' + random.nextInt(20))
                    + " problem" + (char) ('a' + random.nextInt(20)) + " near" + (char) ('a' + random.nextInt(20));
            CaseOpened opened = new CaseOpened(envelope(caseId, t0, i, 0), "HL-" + i,
                    CHANNELS[random.nextInt(CHANNELS.length)], CaseKind.COMPLAINT, "CAT_" + random.nextInt(20), null,
                    random.nextInt(100) == 0 ? Urgency.EMERGENCY : Urgency.NORMAL, description,
                    new CaseLocation(null, null, null, "AREA_" + random.nextInt(16)),
                    new CallerProfile(null, random.nextInt(20) == 0, FeedbackChannel.SMS),
                    false, "op-" + random.nextInt(200), null, t0.minusSeconds(5 + random.nextInt(40)), t0, null, t0,
                    List.of());
            List<HotlineEvent> facts = new ArrayList<>();
            facts.add(opened);
            int fate = random.nextInt(10);
            Instant at = t0.plus(Duration.ofMinutes(1));
            if (fate == 0) {
                CaseAssigned first = CaseFlows.assigned(opened, at, caseId + "-A0", "DEPT_" + random.nextInt(30),
                        at.plus(Duration.ofDays(5)), AssignmentReason.RULE, 0);
                facts.add(first);
                facts.add(new AssignmentRejected(envelope(caseId, at.plusSeconds(600), i, 1), first.assignmentId(),
                        first.departmentCode(), "Not ours"));
                at = at.plusSeconds(1200);
            }
            CaseAssigned assigned = CaseFlows.assigned(opened, at, caseId + "-A1", department,
                    at.plus(Duration.ofDays(5)), fate == 0 ? AssignmentReason.BOUNCE : AssignmentReason.RULE,
                    fate == 0 ? 1 : 0);
            facts.add(assigned);
            if (fate < 9) {
                Instant accepted = at.plusSeconds(random.nextInt(7200));
                facts.add(new CaseAccepted(envelope(caseId, accepted, i, 2), assigned.assignmentId(), department,
                        "h-1"));
                Instant resolved = accepted.plusSeconds(random.nextLong(8L * 24 * 3600));
                facts.add(new CaseResolved(envelope(caseId, resolved, i, 3), department, ResolutionOutcome.RESOLVED,
                        "Done", null, null, null, List.of(), null, List.of(), false));
                facts.add(new FeedbackDelivered(envelope(caseId, resolved.plusSeconds(3600), i, 4),
                        FeedbackChannel.SMS, "sms", 1));
                int score = 1 + random.nextInt(5);
                facts.add(new CallbackCompleted(envelope(caseId, resolved.plusSeconds(86_400), i, 5), true,
                        score >= 3 ? Satisfaction.SATISFIED : Satisfaction.DISSATISFIED, score, null, 1, "op-1"));
                facts.add(new CaseClosed(envelope(caseId, resolved.plusSeconds(90_000), i, 6), CaseOutcome.SATISFIED));
            }
            LedgerCase ledger = CaseHistory.fold(caseId, facts, null);
            sink.accept(CaseFacts.of(ledger, Keywords.of(description), settings));
        }
    }

    /** Cheap deterministic envelopes: the benchmark makes millions. */
    private static EventEnvelope envelope(String caseId, Instant at, long caseNumber, int step) {
        return new EventEnvelope(new java.util.UUID(caseNumber, step), caseId, at, 1, "benchmark", null, null);
    }
}
