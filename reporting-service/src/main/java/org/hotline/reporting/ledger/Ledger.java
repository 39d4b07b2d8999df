package org.hotline.reporting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.events.HotlineEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The tracking ledger: records every fact about every case, and answers what analysts and KPIs ask of it. */
@Service
public class Ledger {

    /** How many cases a status filter looks through, most recently active first. */
    static final int STATUS_SCAN = 5_000;

    private final LedgerStore store;
    private final Clock clock;

    Ledger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void record(HotlineEvent event) {
        store.apply(event);
    }

    public Optional<LedgerCase> find(String caseId) {
        Instant now = clock.instant();
        return store.find(caseId).map(d -> LedgerCase.of(d, now));
    }

    /**
     * Cases most recently active first, without their timelines. Every filter is optional: the department of the
     * current assignment, the status, and a period in which the case was opened ({@code from} inclusive,
     * {@code to} exclusive).
     */
    public List<LedgerCase> list(CaseStatus status, String department, Instant from, Instant to, int limit) {
        Criteria criteria = openedBetween(from, to);
        if (department != null) {
            criteria = criteria.and("assignment.department").is(department);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "lastEventAt"))
                .limit(status == null ? limit : STATUS_SCAN);
        Instant now = clock.instant();
        return store.find(query).stream().map(d -> LedgerCase.of(d, now))
                .filter(c -> status == null || c.status() == status).limit(limit).map(LedgerCase::withoutTimeline)
                .toList();
    }

    /** Every case opened in the period ({@code from} inclusive, {@code to} exclusive; either may be open). */
    public List<LedgerCase> openedIn(Instant from, Instant to) {
        Criteria criteria = openedBetween(from, to);
        if (from == null && to == null) {
            criteria = criteria.and("openedAt").ne(null);
        }
        Instant now = clock.instant();
        return store.find(Query.query(criteria)).stream().map(d -> LedgerCase.of(d, now)).toList();
    }

    private static Criteria openedBetween(Instant from, Instant to) {
        if (from == null && to == null) {
            return new Criteria();
        }
        Criteria opened = where("openedAt");
        if (from != null) {
            opened = opened.gte(from);
        }
        if (to != null) {
            opened = opened.lt(to);
        }
        return opened;
    }
}
