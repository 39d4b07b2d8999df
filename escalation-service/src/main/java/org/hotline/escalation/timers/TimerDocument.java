package org.hotline.escalation.timers;

import java.time.Instant;
import java.util.Objects;

import org.hotline.escalation.timers.domain.ClockKind;
import org.hotline.escalation.timers.domain.TimerSpec;
import org.hotline.escalation.timers.domain.TimerState;
import org.hotline.events.Milestone;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The durable timer of one open milestone of one assignment (or of a case, for emergencies). {@code dueAt} is when
 * its next ladder step is due, null once it cannot fire; the poller claims one due timer at a time by a conditional
 * update of {@code claimedUntil} (see {@link TimerStore}). Escalations it raised have ids derived from its id
 * ({@link Notices}).
 */
@Document("escalation_timers")
class TimerDocument {

    static final String DUE_AT = "dueAt";
    static final String CLAIMED_UNTIL = "claimedUntil";
    static final String CLAIM = "claim";
    static final String STEP = "step";
    static final String STATE = "state";
    static final String VERSION = "version";

    @Id
    private String id;
    @Indexed
    private String caseId;
    private String correlationId;
    private String causationId;
    private String assignmentId;
    private String departmentCode;
    private Milestone milestone;
    private ClockKind clock;
    private Instant windowStart;
    private Instant deadline;
    private TimerState state;
    private String settledBy;
    /** How many steps of the ladder fired (emergency response: how many alerts). */
    private int step;
    @Indexed
    private Instant dueAt;
    private Instant claimedUntil;
    private String claim;
    /** The version of the case facts this timer was last derived from; older facts never overwrite it. */
    private long factsVersion;
    @Version
    private Long version;

    TimerDocument() {
    }

    static TimerDocument of(TimerSpec spec, String correlationId, int step) {
        TimerDocument timer = new TimerDocument();
        timer.id = spec.timerId();
        timer.caseId = spec.caseId();
        timer.correlationId = correlationId;
        timer.step = step;
        return timer;
    }

    /** Takes what the spec says; returns whether anything changed. */
    boolean take(TimerSpec spec, long factsVersion) {
        boolean changed = state != spec.state() || !spec.deadline().equals(deadline)
                || !spec.windowStart().equals(windowStart) || !Objects.equals(departmentCode,
                        spec.departmentCode());
        causationId = spec.causationId();
        assignmentId = spec.assignmentId();
        departmentCode = spec.departmentCode();
        milestone = spec.milestone();
        clock = spec.clock();
        windowStart = spec.windowStart();
        deadline = spec.deadline();
        state = spec.state();
        settledBy = spec.settledBy();
        this.factsVersion = factsVersion;
        return changed;
    }

    String getId() {
        return id;
    }

    String getCaseId() {
        return caseId;
    }

    String getCorrelationId() {
        return correlationId;
    }

    String getCausationId() {
        return causationId;
    }

    String getAssignmentId() {
        return assignmentId;
    }

    String getDepartmentCode() {
        return departmentCode;
    }

    Milestone getMilestone() {
        return milestone;
    }

    ClockKind getClock() {
        return clock;
    }

    Instant getWindowStart() {
        return windowStart;
    }

    Instant getDeadline() {
        return deadline;
    }

    TimerState getState() {
        return state;
    }

    String getSettledBy() {
        return settledBy;
    }

    int getStep() {
        return step;
    }

    Instant getDueAt() {
        return dueAt;
    }

    void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    void setState(TimerState state) {
        this.state = state;
    }

    Instant getClaimedUntil() {
        return claimedUntil;
    }

    String getClaim() {
        return claim;
    }

    long getFactsVersion() {
        return factsVersion;
    }

    Long getVersion() {
        return version;
    }

    /** For a version-checked replacement written without the repository (which would advance it itself). */
    void setVersion(Long version) {
        this.version = version;
    }
}
