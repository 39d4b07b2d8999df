package org.hotline.intake.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the default taxonomy (the topics of the hotline's rules) into an empty store. Once the store holds a
 * taxonomy it belongs to the operators: the defaults never overwrite it, not even after an upgrade.
 */
@Component
class TaxonomySeeder {

    static final String DEFAULT_RESOURCE = "classpath:taxonomy/default-taxonomy.json";

    private static final Logger log = LoggerFactory.getLogger(TaxonomySeeder.class);

    private final TaxonomyStore store;
    private final Resource defaults;

    TaxonomySeeder(TaxonomyStore store, @Value("${hotline.taxonomy.defaults:" + DEFAULT_RESOURCE + "}") Resource defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    /** The shape of the defaults file. */
    record SeedFile(List<SeedCategory> categories) {
    }

    record SeedCategory(String code, LocalizedText name, LocalizedText description, Boolean active,
            List<SeedSubCategory> subCategories) {
    }

    record SeedSubCategory(String code, LocalizedText name, LocalizedText description, Boolean active,
            SubCategory.Hints hints) {
    }

    /** Seeds an empty store; returns how many categories it added (0 when the store already held a taxonomy). */
    int seedIfEmpty() {
        if (!store.isEmpty()) {
            return 0;
        }
        int added = 0;
        for (Category category : read(defaults)) {
            try {
                store.insert(category);
                added++;
            }
            catch (DuplicateKeyException ex) {
                // another instance starting at the same time seeded this category first
            }
        }
        log.info("Seeded the taxonomy with {} default categories from {}", added, defaults.getDescription());
        return added;
    }

    /** Reads and validates a defaults file: the same rules as the admin API. */
    static List<Category> read(Resource resource) {
        SeedFile file;
        try (InputStream in = resource.getInputStream()) {
            file = JsonMapper.builder().build().readValue(in, SeedFile.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the default taxonomy " + resource.getDescription(), ex);
        }
        List<Category> categories = new ArrayList<>();
        for (SeedCategory seed : file.categories()) {
            Category category = Category.create(seed.code(), seed.name(), seed.description(),
                    seed.active() == null || seed.active(), categories.size());
            for (SeedSubCategory sub : seed.subCategories() == null ? List.<SeedSubCategory>of()
                    : seed.subCategories()) {
                category.add(SubCategory.create(sub.code(), sub.name(), sub.description(),
                        sub.active() == null || sub.active(), sub.hints()));
            }
            categories.add(category);
        }
        return categories;
    }
}
