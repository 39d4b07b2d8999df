package org.hotline.intake.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.events.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The categories and sub-categories a case may carry, from the hotline's classification of topics (work, living,
 * interpersonal, policy, public health, other, the hotline service itself). Operators change them through the admin
 * API; they live in MongoDB and are cached here. A change made through this instance is visible at once; one made
 * through another instance within {@code hotline.taxonomy.refresh-interval} (30 s by default).
 */
@Component
public class Taxonomy implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Taxonomy.class);

    private final TaxonomyStore store;
    private final TaxonomySeeder seeder;
    private volatile TaxonomySnapshot snapshot;
    private volatile boolean seedChecked;

    Taxonomy(TaxonomyStore store, TaxonomySeeder seeder) {
        this.store = store;
        this.seeder = seeder;
    }

    /**
     * Whether a new case may carry the pair: an active category and, if given, one of its active sub-categories. A
     * null sub-category is allowed for any active category. Inactive codes are refused for new cases; old cases
     * keep them.
     */
    public boolean knows(String category, String subCategory) {
        return current().knows(category, subCategory);
    }

    /** Active category codes, each with its active sub-category codes, in display order. */
    public Map<String, List<String>> categories() {
        return current().activeCodes();
    }

    /** The urgency a front desk may preselect for a sub-category, if operators set one. */
    public Optional<Urgency> defaultUrgency(String category, String subCategory) {
        return current().defaultUrgency(category, subCategory);
    }

    /** Every category with its sub-categories, inactive ones included, in display order. */
    Map<String, CategoryView> tree() {
        return current().tree();
    }

    /** Seeds an empty store once, then reads the whole taxonomy again. */
    synchronized void refresh() {
        if (!seedChecked) {
            seeder.seedIfEmpty();
            seedChecked = true;
        }
        snapshot = TaxonomySnapshot.of(store.all());
    }

    /** Picks up changes made through other instances; while the store is away the last state read stays in use. */
    @Scheduled(fixedDelayString = "${hotline.taxonomy.refresh-interval:30s}",
            initialDelayString = "${hotline.taxonomy.refresh-interval:30s}")
    void refreshQuietly() {
        try {
            refresh();
        }
        catch (RuntimeException ex) {
            log.warn("Taxonomy refresh postponed: {}", ex.getMessage());
        }
    }

    /** Before the service takes requests: seed an empty store and read the taxonomy. */
    @Override
    public void afterSingletonsInstantiated() {
        refreshQuietly();
    }

    private TaxonomySnapshot current() {
        TaxonomySnapshot current = snapshot;
        if (current == null) {
            // the store was away at startup: read it now, or fail this request rather than accept unchecked codes
            refresh();
            current = snapshot;
        }
        return current == null ? TaxonomySnapshot.EMPTY : current;
    }
}
