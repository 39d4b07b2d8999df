package org.hotline.intake.open311;

import java.util.List;

/**
 * A question a service asks beyond the description, as Open311 service definitions describe it.
 *
 * @param code the name of the form field: {@code attribute[code]}
 * @param datatype one of string, number, datetime, text, singlevaluelist, multivaluelist
 * @param order where the question comes in the form, 1 first
 * @param values the choices of a list
 */
record ServiceAttribute(String code, String datatype, boolean required, String description, int order,
        List<Choice> values) {

    /** One choice of a list: the key a client sends and the name it shows. */
    record Choice(String key, String name) {
    }

    boolean allows(String key) {
        return values.stream().anyMatch(choice -> choice.key().equals(key));
    }

    List<String> keys() {
        return values.stream().map(Choice::key).toList();
    }
}
