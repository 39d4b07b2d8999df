package org.hotline.escalation.supervision;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.hotline.events.Milestone;
import org.hotline.events.escalation.EscalationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.hotline.support.outbox.RetryOnConflict;
import org.springframework.stereotype.Service;

/** The escalations that fired: recorded once each, published through the outbox, listed and acknowledged. */
@Service
public class EscalationLog {

    private static final Logger log = LoggerFactory.getLogger(EscalationLog.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    EscalationLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Records a step and queues its CaseEscalated in the same write; the outbox relay publishes it at once.
     *
     * @return false if the step was recorded before (fired again after a crash, or by another instance)
     */
    public boolean record(NewEscalation escalation) {
        try {
            mongo.insert(EscalationRecord.fired(escalation));
        }
        catch (DuplicateKeyException already) {
            return false;
        }
        log.info("Case {} escalated: {} {} to {}", escalation.caseId(), escalation.milestone(), escalation.level(),
                escalation.recipients());
        return true;
    }

    /**
     * A milestone was met or no longer applies: those of its escalations that are still open close. The caller names
     * every escalation the milestone may have raised (their ids are deterministic), so they are found by id.
     */
    public void settle(Collection<String> escalationIds, String why) {
        Criteria which = Criteria.where("_id").in(escalationIds).and("open").is(true);
        mongo.updateMulti(Query.query(which), new Update().set("open", false).set("settledAt", clock.instant())
                .set("settledBy", why).inc("version", 1L), EscalationRecord.class);
    }

    /** The escalations of a case, the latest first. */
    public List<EscalationView> ofCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by(Sort.Direction.DESC,
                "escalatedAt")), EscalationRecord.class).stream().map(EscalationView::of).toList();
    }

    Optional<EscalationRecord> find(String id) {
        return Optional.ofNullable(mongo.findById(id, EscalationRecord.class));
    }

    /** One page of escalations matching the filters, the latest first. */
    EscalationPage list(EscalationLevel level, String department, Boolean open, int page, int size) {
        Criteria criteria = new Criteria();
        if (level != null) {
            criteria = criteria.and("level").is(level);
        }
        if (department != null) {
            criteria = criteria.and("departmentCode").is(department);
        }
        if (open != null) {
            criteria = criteria.and("open").is(open);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, EscalationRecord.class);
        List<EscalationView> content = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "escalatedAt")
                .and(Sort.by("_id"))).skip((long) page * size).limit(size), EscalationRecord.class).stream()
                .map(EscalationView::of).toList();
        return new EscalationPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Acknowledges an escalation and publishes EscalationAcknowledged. */
    @RetryOnConflict
    EscalationView acknowledge(String id, String by, String note) {
        EscalationRecord record = find(id).orElseThrow(() -> new EscalationNotFoundException(id));
        if (record.acknowledged()) {
            throw new AlreadyAcknowledgedException(id);
        }
        record.acknowledge(by, note, clock.instant());
        return EscalationView.of(mongo.save(record));
    }

    /** Open escalations counted by level and department. */
    Summary summary() {
        List<Summary.Count> counts = new ArrayList<>();
        long total = 0;
        for (Document row : mongo.aggregate(newAggregation(match(Criteria.where("open").is(true)),
                group("level", "departmentCode").count().as("count")), EscalationRecord.class, Document.class)) {
            Object key = row.get("_id");
            String level = key instanceof Document id ? id.getString("level") : row.getString("level");
            String department = key instanceof Document id ? id.getString("departmentCode")
                    : row.getString("departmentCode");
            long count = ((Number) row.get("count")).longValue();
            counts.add(new Summary.Count(EscalationLevel.valueOf(level), department, count));
            total += count;
        }
        return Summary.of(total, counts, clock.instant());
    }

    /**
     * An escalation as the API shows it.
     *
     * @param late ISO-8601 duration, negative for a reminder
     * @param settledBy why it is no longer open: {@code acknowledged}, or the milestone met or cancelled
     */
    public record EscalationView(String escalationId, String caseId, EscalationLevel level, Milestone milestone,
            String assignmentId, String departmentCode, Instant deadline, Duration late,
            List<String> recipients, String reason, String emergencyPlan, Instant escalatedAt, boolean open,
            Instant settledAt, String settledBy, String acknowledgedBy, String note) {

        static EscalationView of(EscalationRecord r) {
            return new EscalationView(r.getId(), r.getCaseId(), r.getLevel(), r.getMilestone(), r.getAssignmentId(),
                    r.getDepartmentCode(), r.getDeadline(), r.getLate(), r.getRecipients(), r.getReason(),
                    r.getEmergencyPlan(), r.getEscalatedAt(), r.isOpen(), r.getSettledAt(), r.getSettledBy(),
                    r.getAcknowledgedBy(), r.getNote());
        }
    }

    /** A page of escalations. */
    record EscalationPage(List<EscalationView> content, int page, int size, long totalElements, int totalPages) {
    }
}
