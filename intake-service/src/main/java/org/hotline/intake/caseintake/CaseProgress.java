package org.hotline.intake.caseintake;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.hotline.events.HotlineEvent;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Keeps the front desk's view of a case current as it is resolved, reopened and closed elsewhere, so a caller asking
 * by tracking number (or an Open311 client) hears where the case stands. Each event is applied once; one that
 * arrives after a later change is ignored.
 * <p>
 * Each event costs one conditional update by {@code _id} and no read: the conditions are those of
 * {@link CaseFile#resolved}, {@link CaseFile#reopened} and {@link CaseFile#closed} (not closed, not older than the
 * latest status change) plus "this event id not handled yet", so a duplicate, an older event or an unknown case
 * matches nothing and writes nothing. The update records the event id among the handled ones and advances the
 * document's version as a versioned save would, so that a writer holding an older copy redoes its change.
 */
@Service
class CaseProgress {

    /** The fields of {@link org.hotline.support.outbox.AggregateRoot} this update maintains, as the relay names them. */
    private static final String HANDLED_EVENT_IDS = "handledEventIds";
    private static final String VERSION = "version";
    /** As many handled event ids as {@code AggregateRoot} keeps. */
    private static final int REMEMBERED_EVENTS = 500;

    private final MongoTemplate mongo;

    CaseProgress(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void resolved(CaseResolved resolved) {
        // intake raised the on-the-spot resolutions itself
        if (!resolved.onTheSpot() && !CaseFile.SOURCE.equals(resolved.envelope().source())) {
            apply(resolved, newerChange(resolved), new Update().set("status", CaseStatus.RESOLVED)
                    .set("statusChangedAt", resolved.occurredAt()).set("resolvedBy", resolved.departmentCode())
                    .set("resolutionSummary", resolved.summary()));
        }
    }

    void reopened(CaseReopened reopened) {
        apply(reopened, newerChange(reopened), new Update().set("status", CaseStatus.OPEN)
                .set("statusChangedAt", reopened.occurredAt()));
    }

    /** Closed for good; nothing that happened before the closing changes that. */
    void closed(CaseClosed closed) {
        apply(closed, where("status").ne(CaseStatus.CLOSED), new Update().set("status", CaseStatus.CLOSED)
                .set("statusChangedAt", closed.occurredAt()).set("outcome", closed.outcome().name()));
    }

    /** The case is not closed and its status last changed no later than the event. */
    private static Criteria newerChange(HotlineEvent event) {
        return where("status").ne(CaseStatus.CLOSED).orOperator(where("statusChangedAt").is(null),
                where("statusChangedAt").lte(event.occurredAt()));
    }

    private void apply(HotlineEvent event, Criteria applies, Update change) {
        String eventId = event.eventId().toString();
        Query unhandled = Query.query(where("_id").is(event.caseId()).and(HANDLED_EVENT_IDS).ne(eventId)
                .andOperator(applies));
        change.push(HANDLED_EVENT_IDS).slice(-REMEMBERED_EVENTS).each(eventId);
        change.inc(VERSION, 1L);
        mongo.updateFirst(unhandled, change, CaseFile.class);
    }
}
