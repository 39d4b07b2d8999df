package org.hotline.intake.open311;

import java.util.List;

/**
 * One Open311 service: a taxonomy sub-category, or a category that has none.
 *
 * @param code {@code CATEGORY.SUB_CATEGORY}, or {@code CATEGORY}
 */
record Open311Service(String code, String category, String subCategory, String name, String description,
        String keywords, List<ServiceAttribute> attributes) {

    /** Whether clients should fetch the service definition for more form fields. */
    boolean metadata() {
        return !attributes.isEmpty();
    }
}
