package org.hotline.routing.ruletable;

import java.time.Instant;
import java.util.List;

import org.hotline.routing.rules.RoutingRule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One version of the rule table; versions are never changed, a change is a new version. */
@Document("rule_tables")
record StoredRuleTable(@Id int version, List<RoutingRule> rules, Instant publishedAt, String publishedBy) {
}
