package org.hotline.intake.taxonomy;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code taxonomy} collection: one document per category, its sub-categories embedded. */
@Component
class TaxonomyStore {

    static final String COLLECTION = "taxonomy";

    private final MongoOperations mongo;

    TaxonomyStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Every category, active or not, in display order. */
    List<Category> all() {
        return mongo.find(new Query().with(Sort.by("position", "code")), Category.class);
    }

    Optional<Category> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Category.class));
    }

    boolean isEmpty() {
        return mongo.count(new Query(), Category.class) == 0;
    }

    /** Inserts a new category; a taken code raises {@link org.springframework.dao.DuplicateKeyException}. */
    Category insert(Category category) {
        return mongo.insert(category);
    }

    /**
     * Saves a changed category; if it changed in the store since it was read, raises
     * {@link org.springframework.dao.OptimisticLockingFailureException} and changes nothing.
     */
    Category save(Category category) {
        return mongo.save(category);
    }

    /** The position after the last category, for a new one. */
    int nextPosition() {
        Category last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "position")).limit(1),
                Category.class);
        return last == null ? 0 : last.getPosition() + 1;
    }
}
