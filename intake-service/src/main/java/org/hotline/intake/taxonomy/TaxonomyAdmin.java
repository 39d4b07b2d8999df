package org.hotline.intake.taxonomy;

import java.util.function.Consumer;

import org.hotline.support.security.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** Operators' changes to the taxonomy: add categories and sub-categories, rename, (de)activate. Nothing is deleted. */
@Service
class TaxonomyAdmin {

    private static final Logger log = LoggerFactory.getLogger(TaxonomyAdmin.class);

    private final TaxonomyStore store;
    private final Taxonomy taxonomy;
    private final AuditTrail audit;

    TaxonomyAdmin(TaxonomyStore store, Taxonomy taxonomy, AuditTrail audit) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    CategoryView create(TaxonomyChanges.NewCategory request) {
        Category category = Category.create(request.code(), request.name(), request.description(),
                request.active() == null || request.active(), store.nextPosition());
        try {
            category = store.insert(category);
        }
        catch (DuplicateKeyException ex) {
            throw new TaxonomyProblems.Duplicate("Category " + category.getCode()
                    + " already exists; change or reactivate it instead");
        }
        log.info("Taxonomy: category {} added", category.getCode());
        audit.record(null, "TAXONOMY_CATEGORY_ADDED", "taxonomy:" + category.getCode(), null);
        return changed(category);
    }

    CategoryView change(String code, TaxonomyChanges.CategoryChange request) {
        return update(code, request.version(),
                category -> category.change(request.name(), request.description(), request.active()));
    }

    CategoryView addSubCategory(String code, TaxonomyChanges.NewSubCategory request) {
        SubCategory sub = SubCategory.create(request.code(), request.name(), request.description(),
                request.active() == null || request.active(), request.hints());
        return update(code, request.version(), category -> category.add(sub));
    }

    CategoryView changeSubCategory(String code, String subCode, TaxonomyChanges.SubCategoryChange request) {
        return update(code, request.version(), category -> category.changeSubCategory(subCode, request.name(),
                request.description(), request.active(), request.hints()));
    }

    private CategoryView update(String code, Long expectedVersion, Consumer<Category> change) {
        Category category = store.find(code)
                .orElseThrow(() -> new TaxonomyProblems.Unknown("No category " + code + "; GET /api/taxonomy lists them"));
        category.requireVersion(expectedVersion);
        change.accept(category);
        try {
            category = store.save(category);
        }
        catch (OptimisticLockingFailureException ex) {
            // another operator (or instance) saved this category between our read and our write
            throw new TaxonomyProblems.Conflict(code, null);
        }
        log.info("Taxonomy: category {} changed (version {})", code, category.getVersion());
        audit.record(null, "TAXONOMY_CATEGORY_CHANGED", "taxonomy:" + code + "@" + category.getVersion(), null);
        return changed(category);
    }

    private CategoryView changed(Category category) {
        taxonomy.refreshQuietly();
        return CategoryView.of(category);
    }
}
