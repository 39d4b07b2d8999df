package org.hotline.routing.ruletable;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.hotline.routing.departments.Departments;
import org.hotline.routing.rules.RoutingRule;
import org.hotline.routing.rules.RoutingRules;
import org.hotline.routing.rules.RuleTable;
import org.hotline.support.outbox.RetryOnConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The versioned rule table in MongoDB: version 1 is the built-in default table, each change through the admin API
 * is the next version. Every instance routes on the highest stored version.
 */
@Service
class RuleTables implements RuleTable {

    private static final Logger log = LoggerFactory.getLogger(RuleTables.class);

    private final StoredRuleTableRepository tables;
    private final Departments departments;
    private final Clock clock;

    RuleTables(StoredRuleTableRepository tables, Departments departments, Clock clock) {
        this.tables = tables;
        this.departments = departments;
        this.clock = clock;
    }

    @Override
    public RoutingRules current() {
        StoredRuleTable table = tables.findTopByOrderByVersionDesc().orElseGet(this::seed);
        return new RoutingRules(table.version(), table.rules());
    }

    Optional<StoredRuleTable> version(int version) {
        return tables.findById(version);
    }

    List<StoredRuleTable> versions() {
        return tables.findAllByOrderByVersionAsc();
    }

    /**
     * Publishes the rules as the next version, unless they have violations; then nothing is stored and the
     * violations are returned. Two publications at once get consecutive versions.
     */
    @RetryOnConflict
    List<RoutingRules.Violation> publish(List<RoutingRule> rules, String by) {
        RoutingRules current = current();
        RoutingRules next = new RoutingRules(current.version() + 1, rules);
        List<RoutingRules.Violation> violations = next.violations(departments::exists);
        if (violations.isEmpty()) {
            tables.insert(new StoredRuleTable(next.version(), rules, clock.instant(), by));
            log.info("Rule table version {} published by {}", next.version(), by);
        }
        return violations;
    }

    private StoredRuleTable seed() {
        RoutingRules defaults = RoutingRules.defaults();
        StoredRuleTable first = new StoredRuleTable(defaults.version(), defaults.rules(), clock.instant(),
                "defaults");
        try {
            return tables.insert(first);
        }
        catch (DuplicateKeyException ex) {
            return tables.findTopByOrderByVersionDesc().orElseThrow();
        }
    }
}
