package org.hotline.escalation.timers;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EscalationCaseRepository extends MongoRepository<EscalationCase, String> {

    /** Cases with a deadline due by {@code now}, earliest first. */
    List<EscalationCase> findByNextDueAtLessThanEqualOrderByNextDueAtAsc(Instant now, Limit limit);

    /** Cases with a pending deadline, the soonest due first. */
    List<EscalationCase> findByNextDueAtNotNullOrderByNextDueAtAsc(Limit limit);

    /** Cases escalated since the given moment, the latest first. */
    List<EscalationCase> findByLastEscalatedAtGreaterThanEqualOrderByLastEscalatedAtDesc(Instant since, Limit limit);
}
