package org.hotline.routing.ruletable;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.hotline.routing.config.ReferenceData;
import org.hotline.routing.config.RoutingProperties;
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
 * is the next version. Every instance routes on the highest stored version, kept as a snapshot: after a publication
 * through this instance the next case is routed on it; a publication through another instance is seen within
 * {@code hotline.routing.reference-data-ttl}. Checking that the snapshot is still current is one look-up by id
 * (versions are consecutive and never removed, so the table is current while the next version does not exist).
 */
@Service
class RuleTables implements RuleTable {

    private static final Logger log = LoggerFactory.getLogger(RuleTables.class);

    private final StoredRuleTableRepository tables;
    private final Departments departments;
    private final Clock clock;
    private final ReferenceData<RoutingRules> inForce;

    RuleTables(StoredRuleTableRepository tables, Departments departments, Clock clock, RoutingProperties properties) {
        this.tables = tables;
        this.departments = departments;
        this.clock = clock;
        this.inForce = new ReferenceData<>(clock, properties.referenceDataTtl(), this::read);
    }

    @Override
    public RoutingRules current() {
        return inForce.get();
    }

    private RoutingRules read(RoutingRules known) {
        if (known != null && tables.findById(known.version() + 1).isEmpty()) {
            return known;
        }
        StoredRuleTable table = latest();
        return new RoutingRules(table.version(), table.rules());
    }

    private StoredRuleTable latest() {
        return tables.findTopByOrderByVersionDesc().orElseGet(this::seed);
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
        RoutingRules next = new RoutingRules(latest().version() + 1, rules);
        List<RoutingRules.Violation> violations = next.violations(departments::exists);
        if (violations.isEmpty()) {
            tables.insert(new StoredRuleTable(next.version(), rules, clock.instant(), by));
            inForce.invalidate();
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
