package org.hotline.feedback.casefeedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.EventType;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.feedback.delivery.FeedbackSender.Delivery;
import org.hotline.feedback.lifecycle.CaseLifecycle;
import org.hotline.feedback.lifecycle.CaseRuleViolation;
import org.hotline.feedback.lifecycle.CaseState;
import org.hotline.feedback.lifecycle.ResultReport;
import org.junit.jupiter.api.Test;

class FeedbackCaseTests {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CaseLifecycle lifecycle = new CaseLifecycle(1, 3);
    private final String caseId = UUID.randomUUID().toString();
    private final CaseOpened opened = opened(false);
    private final CaseAssigned assigned = assigned(NOW, "FACILITIES");

    @Test
    void whenTheAssignmentArrivesBeforeTheOpeningThenTheCaseEndsAsIfInOrder() {
        FeedbackCase inOrder = FeedbackCase.first(caseId);
        FeedbackCase reversed = FeedbackCase.first(caseId);

        inOrder.opened(opened, lifecycle);
        inOrder.assigned(assigned, lifecycle);
        reversed.assigned(assigned, lifecycle);
        reversed.opened(opened, lifecycle);

        for (FeedbackCase c : List.of(inOrder, reversed)) {
            assertThat(c.getState()).isEqualTo(CaseState.ASSIGNED);
            assertThat(c.getTrackingNumber()).isEqualTo("HL-20261123-000007");
            assertThat(c.getDepartmentCode()).isEqualTo("FACILITIES");
            assertThat(c.getCaller().preferredChannel()).isEqualTo(FeedbackChannel.SMS);
            assertThat(c.getOutbox()).isEmpty();
        }
    }

    @Test
    void whenAnOlderAssignmentArrivesAfterANewerOneThenTheNewerOneStaysInCharge() {
        FeedbackCase c = FeedbackCase.first(caseId);
        c.opened(opened, lifecycle);

        c.assigned(assigned(NOW.plusSeconds(60), "HOUSING", "POLICE"), lifecycle);
        c.assigned(assigned(NOW, "FACILITIES"), lifecycle);

        assertThat(c.getDepartmentCode()).isEqualTo("HOUSING");
        assertThat(c.getAssistingDepartments()).containsExactly("POLICE");
        assertThat(c.getAssignments()).hasSize(3);
    }

    @Test
    void whenTheLeadReportsASimpleCaseThenItIsResolvedWithTheOutcomeAndDueForFeedback() {
        FeedbackCase c = assignedCase(assigned);

        c.reportResult(lifecycle, "FACILITIES", new ResultReport(ResolutionOutcome.CANNOT_RESOLVE, "Not ours", null,
                "Private land", "A referral to the land office", List.of("https://files.example.org/a.jpg")), NOW,
                "request-1");

        CaseResolved resolved = only(c, CaseResolved.class);
        assertThat(resolved.outcome()).isEqualTo(ResolutionOutcome.CANNOT_RESOLVE);
        assertThat(resolved.reason()).isEqualTo("Private land");
        assertThat(resolved.alternativeOffered()).isEqualTo("A referral to the land office");
        assertThat(resolved.attachments()).containsExactly("https://files.example.org/a.jpg");
        assertThat(resolved.approvedBy()).isNull();
        assertThat(resolved.envelope().causationId()).isEqualTo("request-1");
        assertThat(c.getFeedbackStatus()).isEqualTo(FeedbackStatus.PENDING);
    }

    @Test
    void whenAComplexCaseIsReportedThenContributionsAreNeededAndNothingIsEmittedUntilApproval() {
        FeedbackCase c = assignedCase(assigned(NOW, "HOUSING", "POLICE", "SANITATION"));
        ResultReport report = new ResultReport(ResolutionOutcome.RESOLVED, "Market cleared", "Stalls moved", null,
                null, null);

        assertThatThrownBy(() -> c.reportResult(lifecycle, "HOUSING", report, NOW, "r1"))
                .hasMessageContaining("POLICE").hasMessageContaining("SANITATION");
        assertThatThrownBy(() -> c.contribute(lifecycle, "HOUSING", "x", null, null, NOW))
                .isInstanceOf(CaseRuleViolation.class);
        c.contribute(lifecycle, "POLICE", "Patrols", null, null, NOW);
        c.contribute(lifecycle, "SANITATION", "Cleaned", null, null, NOW);
        c.reportResult(lifecycle, "HOUSING", report, NOW, "r2");

        assertThat(c.getState()).isEqualTo(CaseState.IN_REVIEW);
        assertThat(c.getOutbox()).isEmpty();

        c.giveBack(lifecycle, "sup-1", "Say when the stalls move", NOW);
        assertThat(c.getState()).isEqualTo(CaseState.ASSIGNED);
        assertThat(c.getPendingResult()).isNull();

        c.reportResult(lifecycle, "HOUSING", report, NOW, "r3");
        c.approve(lifecycle, "sup-1", NOW, "r4");

        CaseResolved resolved = only(c, CaseResolved.class);
        assertThat(resolved.departmentCode()).isEqualTo("HOUSING");
        assertThat(resolved.contributingDepartments()).containsExactly("POLICE", "SANITATION");
        assertThat(resolved.approvedBy()).isEqualTo("sup-1");
        assertThat(c.getReviews()).extracting(FeedbackCase.Review::approved).containsExactly(false, true);
    }

    @Test
    void whenTheCallerIsAnonymousThenTheResolvedCaseClosesWithoutFeedbackWhateverTheOrder() {
        CaseOpened anonymous = opened(true);
        CaseResolved onTheSpot = new CaseResolved(EventEnvelope.causedBy(anonymous.envelope(), NOW,
                "intake-service"), null, ResolutionOutcome.ANSWERED, "Free at the clinic", null, null, null, null,
                null, null, true);
        FeedbackCase resolvedFirst = FeedbackCase.first(caseId);
        resolvedFirst.resolvedElsewhere(onTheSpot, lifecycle);
        assertThat(resolvedFirst.getFeedbackStatus()).isEqualTo(FeedbackStatus.WAITING_FOR_CALLER);
        resolvedFirst.opened(anonymous, lifecycle);
        FeedbackCase openedFirst = FeedbackCase.first(caseId);
        openedFirst.opened(anonymous, lifecycle);
        openedFirst.resolvedElsewhere(onTheSpot, lifecycle);

        for (FeedbackCase c : List.of(resolvedFirst, openedFirst)) {
            assertThat(c.getState()).isEqualTo(CaseState.CLOSED);
            assertThat(only(c, CaseClosed.class).outcome()).isEqualTo(CaseOutcome.ANONYMOUS);
            assertThat(c.getFeedbackStatus()).isEqualTo(FeedbackStatus.NOT_NEEDED);
        }
    }

    @Test
    void whenTheGatewaysDeliverThenFeedbackDeliveredCountsTheAttemptsAndOtherwiseTheCaseGoesToTheWorklist() {
        FeedbackCase delivered = resolvedCase();
        FeedbackCase failed = resolvedCase();

        assertThat(delivered.claimForDelivery(NOW, Duration.ofMinutes(2))).isTrue();
        assertThat(delivered.claimForDelivery(NOW.plusSeconds(10), Duration.ofMinutes(2))).isFalse();
        delivered.deliveredAutomatically(new Delivery(FeedbackChannel.EMAIL, "mail", 4), NOW, "d1");
        failed.deliveredAutomatically(new Delivery(null, null, 6), NOW, "d2");

        FeedbackDelivered event = only(delivered, FeedbackDelivered.class);
        assertThat(event.channel()).isEqualTo(FeedbackChannel.EMAIL);
        assertThat(event.deliveredBy()).isEqualTo("mail");
        assertThat(event.attempts()).isEqualTo(4);
        assertThat(delivered.getState()).isEqualTo(CaseState.FEEDBACK_DELIVERED);
        assertThat(failed.getFeedbackStatus()).isEqualTo(FeedbackStatus.ON_WORKLIST);
        assertThat(failed.getState()).isEqualTo(CaseState.RESOLVED);

        failed.deliverFeedback(lifecycle, FeedbackChannel.PHONE, "op-5", NOW, "d3");
        assertThat(only(failed, FeedbackDelivered.class).attempts()).isEqualTo(7);
    }

    @Test
    void whenNotReachedTwiceOnOneDayThenItCountsOnceAndTheThirdDayClosesUnreachable() {
        FeedbackCase c = resolvedCase();
        Instant dayOneMorning = Instant.parse("2026-11-23T01:00:00Z");

        c.callback(lifecycle, false, null, null, null, "op-3", dayOneMorning, ZONE, "c1");
        c.callback(lifecycle, false, null, null, null, "op-3", dayOneMorning.plus(Duration.ofHours(6)), ZONE, "c2");
        c.callback(lifecycle, false, null, null, null, "op-3", dayOneMorning.plus(Duration.ofDays(1)), ZONE, "c3");
        assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
        assertThat(c.triedInVainOn(dayOneMorning.plus(Duration.ofDays(1)).atZone(ZONE).toLocalDate(), ZONE))
                .isTrue();

        c.callback(lifecycle, false, null, null, null, "op-3", dayOneMorning.plus(Duration.ofDays(2)), ZONE, "c4");

        assertThat(c.getState()).isEqualTo(CaseState.CLOSED);
        assertThat(only(c, CaseClosed.class).outcome()).isEqualTo(CaseOutcome.UNREACHABLE);
        assertThat(events(c, CallbackCompleted.class)).extracting(CallbackCompleted::attempt)
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void whenDissatisfiedPastTheReopenLimitThenTheCaseGoesToASupervisorWhoClosesItExplained() {
        FeedbackCase c = resolvedCase();

        c.callback(lifecycle, true, Satisfaction.DISSATISFIED, 2, "Still cold", "op-3", NOW, ZONE, "c1");
        assertThat(c.getState()).isEqualTo(CaseState.REOPENED);
        c.reportResult(lifecycle, "FACILITIES", new ResultReport(ResolutionOutcome.RESOLVED, "Fixed again", null,
                null, null, null), NOW, "r2");
        c.callback(lifecycle, true, Satisfaction.DISSATISFIED, 1, "Cold again", "op-3", NOW, ZONE, "c2");

        List<CaseReopened> reopened = events(c, CaseReopened.class);
        assertThat(reopened).extracting(CaseReopened::reopenCount).containsExactly(1, 2);
        assertThat(reopened).extracting(CaseReopened::toSupervisor).containsExactly(false, true);
        assertThat(reopened.get(1).reason()).isEqualTo("Cold again");
        assertThat(reopened.get(0).departmentCode()).isEqualTo("FACILITIES");
        assertThat(c.getState()).isEqualTo(CaseState.WITH_SUPERVISOR);

        c.closeExplained(lifecycle, "sup-2", "Heating is the landlord's duty", NOW, "x1");
        assertThat(only(c, CaseClosed.class).outcome()).isEqualTo(CaseOutcome.EXPLAINED);
    }

    @Test
    void whenARequestIsRepeatedWithItsKeyThenItIsRecognised() {
        FeedbackCase c = assignedCase(assigned);

        assertThat(c.firstRequest("key-1")).isTrue();
        assertThat(c.firstRequest("key-1")).isFalse();
        assertThat(c.firstRequest("key-2")).isTrue();
    }

    private FeedbackCase assignedCase(CaseAssigned assignment) {
        FeedbackCase c = FeedbackCase.first(caseId);
        c.opened(opened, lifecycle);
        c.assigned(assignment, lifecycle);
        return c;
    }

    private FeedbackCase resolvedCase() {
        FeedbackCase c = assignedCase(assigned);
        c.reportResult(lifecycle, "FACILITIES", new ResultReport(ResolutionOutcome.RESOLVED, "Boiler repaired",
                "Pump replaced", null, null, null), NOW, "r1");
        return c;
    }

    private CaseOpened opened(boolean anonymous) {
        return new CaseOpened(EventEnvelope.first(caseId, NOW, "intake-service"), "HL-20261123-000007",
                Channel.PHONE, CaseKind.COMPLAINT, "LIVING", "UTILITIES", Urgency.NORMAL, "Heating off", null,
                new CallerProfile(anonymous ? null : "cr-7", anonymous, anonymous ? null : FeedbackChannel.SMS),
                false, "op-1", null, null, null, null, NOW, List.of());
    }

    private CaseAssigned assigned(Instant at, String lead, String... assisting) {
        List<AssignedDepartment> departments = new java.util.ArrayList<>();
        departments.add(new AssignedDepartment(caseId + "-A1", lead, DepartmentRole.LEAD));
        for (int i = 0; i < assisting.length; i++) {
            departments.add(new AssignedDepartment(caseId + "-A1-S" + (i + 1), assisting[i], DepartmentRole.ASSIST));
        }
        return new CaseAssigned(new EventEnvelope(UUID.randomUUID(), caseId, at, 1, "routing-service", null, null),
                caseId + "-A1", lead, departments, CaseKind.COMPLAINT, Urgency.NORMAL, "LIVING", "r-living", 1, 1,
                null, 0, null);
    }

    private static <T extends HotlineEvent> List<T> events(FeedbackCase c, Class<T> type) {
        String ceType = EventType.of(type).cloudEventType();
        return c.getOutbox().stream().filter(m -> m.type().equals(ceType))
                .map(m -> EventCodec.decode(m.payload(), type)).toList();
    }

    private static <T extends HotlineEvent> T only(FeedbackCase c, Class<T> type) {
        List<T> found = events(c, type);
        assertThat(found).as("outbox entries of type %s", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }
}
