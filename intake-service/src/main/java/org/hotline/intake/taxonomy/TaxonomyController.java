package org.hotline.intake.taxonomy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The case taxonomy: front desks read it, operators maintain it. */
@RestController
@Tag(name = "Taxonomy", description = "Categories and sub-categories of cases")
class TaxonomyController {

    static final String ADMIN = "/api/admin/taxonomy/categories";

    private final Taxonomy taxonomy;
    private final TaxonomyAdmin admin;

    TaxonomyController(Taxonomy taxonomy, TaxonomyAdmin admin) {
        this.taxonomy = taxonomy;
        this.admin = admin;
    }

    @Operation(summary = "The whole taxonomy", description = "An object keyed by category code, in display order: "
            + "names in Chinese and English, description, active flag, version and sub-categories. Inactive "
            + "entries are listed (old cases carry them) but new cases cannot use them.")
    @GetMapping("/api/taxonomy")
    Map<String, CategoryView> tree() {
        return taxonomy.tree();
    }

    @Operation(summary = "The codes new cases may use",
            description = "Active category codes, each with its active sub-category codes.")
    @GetMapping("/api/taxonomy/codes")
    Map<String, List<String>> codes() {
        return taxonomy.categories();
    }

    @Operation(summary = "Add a category")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "400", description = "Malformed code, blank name")
    @ApiResponse(responseCode = "409", description = "The code exists (perhaps inactive)")
    @PostMapping(ADMIN)
    ResponseEntity<CategoryView> create(@RequestBody TaxonomyChanges.NewCategory request) {
        CategoryView created = admin.create(request);
        return ResponseEntity.created(URI.create(ADMIN + "/" + created.code())).body(created);
    }

    @Operation(summary = "Rename, describe, deactivate or reactivate a category",
            description = "Fields left out keep their value. The code never changes.")
    @ApiResponse(responseCode = "400", description = "Blank name")
    @ApiResponse(responseCode = "404", description = "No such category")
    @ApiResponse(responseCode = "409", description = "Changed meanwhile by someone else; nothing was changed")
    @PutMapping(ADMIN + "/{code}")
    CategoryView change(@PathVariable String code, @RequestBody TaxonomyChanges.CategoryChange request) {
        return admin.change(code, request);
    }

    @Operation(summary = "Add a sub-category to a category")
    @ApiResponse(responseCode = "201", description = "Added; the body is the whole category")
    @ApiResponse(responseCode = "400", description = "Malformed code, blank name")
    @ApiResponse(responseCode = "404", description = "No such category")
    @ApiResponse(responseCode = "409", description = "The code exists in the category, or the category changed "
            + "meanwhile")
    @PostMapping(ADMIN + "/{code}/subcategories")
    ResponseEntity<CategoryView> addSubCategory(@PathVariable String code,
            @RequestBody TaxonomyChanges.NewSubCategory request) {
        CategoryView category = admin.addSubCategory(code, request);
        return ResponseEntity.created(URI.create(ADMIN + "/" + code + "/subcategories/" + request.code()))
                .body(category);
    }

    @Operation(summary = "Rename, describe, deactivate or reactivate a sub-category, or change its hints",
            description = "Fields left out keep their value. The body of the answer is the whole category.")
    @ApiResponse(responseCode = "400", description = "Blank name")
    @ApiResponse(responseCode = "404", description = "No such category or sub-category")
    @ApiResponse(responseCode = "409", description = "Changed meanwhile by someone else; nothing was changed")
    @PutMapping(ADMIN + "/{code}/subcategories/{subCode}")
    CategoryView changeSubCategory(@PathVariable String code, @PathVariable String subCode,
            @RequestBody TaxonomyChanges.SubCategoryChange request) {
        return admin.changeSubCategory(code, subCode, request);
    }
}
