package org.hotline.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Writes the audit log: every read of decrypted caller data and every admin change. Entries are only ever
 * inserted, never updated or deleted, by this service.
 */
public class AuditTrail {

    private final MongoTemplate mongo;
    private final Clock clock;

    @Value("${spring.application.name:}")
    private String service;

    public AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records that the current caller did {@code action} on {@code target} (of case {@code caseId}, if any). */
    public AuditEntry record(String caseId, String action, String target, String reason) {
        HotlineUser user = HotlineUser.current();
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), service, user.subject(),
                user.roleNames(), user.department(), caseId, action, reason, target);
        return mongo.insert(entry);
    }

    /** The newest entries first, filtered by any of case, actor, action and time range. */
    public List<AuditEntry> find(String caseId, String actor, String action, Instant from, Instant to, int page,
            int size) {
        Criteria criteria = new Criteria();
        if (caseId != null) {
            criteria.and("caseId").is(caseId);
        }
        if (actor != null) {
            criteria.and("actor").is(actor);
        }
        if (action != null) {
            criteria.and("action").is(action);
        }
        if (from != null || to != null) {
            Criteria at = criteria.and("at");
            if (from != null) {
                at.gte(from);
            }
            if (to != null) {
                at.lt(to);
            }
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size)
                .limit(size);
        return mongo.find(query, AuditEntry.class);
    }
}
