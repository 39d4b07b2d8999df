package org.hotline.intake.taxonomy;

import java.util.Map;
import java.util.List;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TaxonomyController {

    private final Taxonomy taxonomy;

    TaxonomyController(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Every category code with its sub-category codes. */
    @GetMapping("/api/taxonomy")
    Map<String, List<String>> list() {
        return new TreeMap<>(taxonomy.categories());
    }
}
