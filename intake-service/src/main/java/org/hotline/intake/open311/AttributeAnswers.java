package org.hotline.intake.open311;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers a reporter gave to a service's questions, read from form fields {@code attribute[code]=value} (and
 * {@code attribute[code][]=value} for several values), and checked against the service definition.
 */
final class AttributeAnswers {

    private static final Pattern FIELD = Pattern.compile("attribute\\[([^\\[\\]]+)\\](\\[\\])?");

    private final Map<String, List<String>> answers;

    private AttributeAnswers(Map<String, List<String>> answers) {
        this.answers = answers;
    }

    /**
     * Reads the attribute fields of a form and checks them: every code must be one of the service's attributes,
     * list values must be among its keys, a single-value list takes one value, required attributes must be there.
     * Empty values count as not given.
     */
    static AttributeAnswers read(Map<String, List<String>> form, Open311Service service) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            Matcher matcher = FIELD.matcher(field);
            if (!matcher.matches()) {
                return;
            }
            List<String> given = values == null ? List.of()
                    : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
            if (!given.isEmpty()) {
                answers.computeIfAbsent(matcher.group(1), code -> new ArrayList<>()).addAll(given);
            }
        });
        for (Map.Entry<String, List<String>> answer : answers.entrySet()) {
            String code = answer.getKey();
            ServiceAttribute attribute = service.attributes().stream().filter(a -> a.code().equals(code)).findFirst()
                    .orElseThrow(() -> Open311Exception.badRequest("attribute[" + code + "] is not an attribute of "
                            + "service " + service.code() + "; GET services/" + service.code() + " lists them"));
            checkValues(attribute, answer.getValue());
        }
        for (ServiceAttribute attribute : service.attributes()) {
            if (attribute.required() && !answers.containsKey(attribute.code())) {
                throw Open311Exception.badRequest("attribute[" + attribute.code() + "] is required");
            }
        }
        return new AttributeAnswers(answers);
    }

    private static void checkValues(ServiceAttribute attribute, List<String> values) {
        boolean list = attribute.datatype().endsWith("valuelist");
        if (!"multivaluelist".equals(attribute.datatype()) && values.size() > 1) {
            throw Open311Exception.badRequest("attribute[" + attribute.code() + "] takes one value");
        }
        if (list) {
            for (String value : values) {
                if (!attribute.allows(value)) {
                    throw Open311Exception.badRequest("attribute[" + attribute.code() + "] must be one of "
                            + String.join(", ", attribute.keys()));
                }
            }
        }
    }

    /** The single value given for an attribute, if any. */
    Optional<String> single(String code) {
        List<String> values = answers.get(code);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
