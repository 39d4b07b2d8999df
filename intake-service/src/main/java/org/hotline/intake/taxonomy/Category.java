package org.hotline.intake.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A category of the taxonomy with its sub-categories, one document each. Codes are never removed, only
 * deactivated. Every change raises the version: an edit made on an older version is refused, so two operators
 * editing at once never overwrite each other silently.
 */
@Document(TaxonomyStore.COLLECTION)
class Category {

    @Id
    private String code;
    private LocalizedText name;
    private LocalizedText description;
    private boolean active;
    /** The order in which front desks show the categories. */
    private int position;
    private List<SubCategory> subCategories = new ArrayList<>();
    @Version
    private Long version;

    private Category() {
    }

    static Category create(String code, LocalizedText name, LocalizedText description, boolean active,
            int position) {
        Category category = new Category();
        category.code = TaxonomyCode.require("code", code);
        category.name = LocalizedText.requireName("name", name);
        category.description = LocalizedText.checkDescription("description", description);
        category.active = active;
        category.position = position;
        return category;
    }

    /** Changes names, description or the active flag; what is left out (null) keeps its value. */
    void change(LocalizedText newName, LocalizedText newDescription, Boolean newActive) {
        if (newName != null) {
            name = LocalizedText.requireName("name", newName);
        }
        if (newDescription != null) {
            description = LocalizedText.checkDescription("description", newDescription);
        }
        if (newActive != null) {
            active = newActive;
        }
    }

    void add(SubCategory subCategory) {
        if (subCategory(subCategory.code()).isPresent()) {
            throw new TaxonomyProblems.Duplicate("Sub-category " + code + " / " + subCategory.code()
                    + " already exists; change or reactivate it instead");
        }
        subCategories.add(subCategory);
    }

    void changeSubCategory(String subCode, LocalizedText newName, LocalizedText newDescription, Boolean newActive,
            SubCategory.Hints newHints) {
        SubCategory current = subCategory(subCode).orElseThrow(() -> new TaxonomyProblems.Unknown(
                "Category " + code + " has no sub-category " + subCode));
        subCategories.set(subCategories.indexOf(current),
                current.change(newName, newDescription, newActive, newHints));
    }

    Optional<SubCategory> subCategory(String subCode) {
        return subCategories.stream().filter(sub -> sub.code().equals(subCode)).findFirst();
    }

    /**
     * Refuses the change when the operator edited an older version than the stored one. No expected version means
     * the operator accepts whatever is stored now.
     */
    void requireVersion(Long expected) {
        if (expected != null && !expected.equals(version)) {
            throw new TaxonomyProblems.Conflict(code, version);
        }
    }

    String getCode() {
        return code;
    }

    LocalizedText getName() {
        return name;
    }

    LocalizedText getDescription() {
        return description;
    }

    boolean isActive() {
        return active;
    }

    int getPosition() {
        return position;
    }

    List<SubCategory> getSubCategories() {
        return List.copyOf(subCategories);
    }

    Long getVersion() {
        return version;
    }
}
