package org.hotline.support.security;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the append-only audit log: who did what to which case, when and why. It never holds the data that
 * was read or changed, only what kind of thing it was.
 *
 * @param actor the token's subject
 * @param roles the caller's roles at the time
 * @param department a department caller's department
 * @param action e.g. {@code CONTACT_REVEALED}, {@code RULES_CHANGED}
 * @param reason the reason the caller gave, if any
 * @param target what was read or changed, by name or id (e.g. {@code taxonomy:PUBLIC_HEALTH}); never the data
 */
@Document("audit_log")
@CompoundIndexes({ @CompoundIndex(name = "by_case", def = "{'caseId': 1, 'at': -1}"),
        @CompoundIndex(name = "by_actor", def = "{'actor': 1, 'at': -1}") })
public record AuditEntry(@Id String id, Instant at, String service, String actor, String roles, String department,
        String caseId, String action, String reason, String target) {
}
