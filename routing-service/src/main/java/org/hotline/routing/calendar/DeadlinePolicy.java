package org.hotline.routing.calendar;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline.events.CaseKind;
import org.hotline.events.Urgency;

/**
 * The time limits per urgency, kind and category. Lookup goes from the most specific to the least: category (or
 * {@code CATEGORY/SUB_CATEGORY}) under the urgency, then kind under the urgency, then the urgency. Emergencies run
 * on the clock (24/7), other cases on the working calendar, except where the published 12345 practice promises
 * clock hours (water, power, gas and heating within 24 hours; complaints on site within 24 hours).
 */
public final class DeadlinePolicy {

    private final Map<Urgency, Terms> byUrgency;
    private final Map<Urgency, Map<CaseKind, Terms>> byKind;
    private final Map<Urgency, Map<String, Terms>> byCategory;

    private DeadlinePolicy(Map<Urgency, Terms> byUrgency, Map<Urgency, Map<CaseKind, Terms>> byKind,
            Map<Urgency, Map<String, Terms>> byCategory) {
        this.byUrgency = byUrgency;
        this.byKind = byKind;
        this.byCategory = byCategory;
    }

    /** The defaults, from the published 12345 practice (see the module README). */
    public static DeadlinePolicy defaults() {
        return configured(Map.of(), Map.of(), Map.of());
    }

    /**
     * The defaults with configured overrides. Each map goes from urgency to the milestones it overrides (see
     * {@link Terms#with}); {@code kinds} and {@code categories} add a level keyed by kind or by category (or
     * {@code CATEGORY/SUB_CATEGORY}). A more specific level starts from the level above it.
     *
     * @throws IllegalArgumentException naming the urgency, kind or milestone that cannot be read
     */
    public static DeadlinePolicy configured(Map<String, Map<String, String>> urgencies,
            Map<String, Map<String, Map<String, String>>> kinds,
            Map<String, Map<String, Map<String, String>>> categories) {
        Map<Urgency, Terms> byUrgency = new EnumMap<>(Urgency.class);
        byUrgency.put(Urgency.EMERGENCY, TermsText.of("15 clock-minutes", "1 clock-hours", "30 clock-minutes",
                "2 clock-hours", "2 clock-hours", "24 clock-hours"));
        byUrgency.put(Urgency.NORMAL, TermsText.of("2 working-hours", "none", "1 working-days", "5 working-days",
                "7 working-days", "3 working-days"));
        byUrgency.put(Urgency.COMPLEX, TermsText.of("4 working-hours", "none", "2 working-days", "12 working-days",
                "15 working-days", "3 working-days"));
        urgencies.forEach((urgency, overrides) -> byUrgency.compute(urgency(urgency),
                (u, terms) -> withContext("urgency " + urgency, terms, overrides)));

        Map<Urgency, Map<CaseKind, Terms>> byKind = new EnumMap<>(Urgency.class);
        for (Urgency u : new Urgency[] { Urgency.NORMAL, Urgency.COMPLEX }) {
            byKind.computeIfAbsent(u, x -> new EnumMap<>(CaseKind.class)).put(CaseKind.COMPLAINT,
                    byUrgency.get(u).with(Map.of("on-site", "24 clock-hours")));
        }
        kinds.forEach((urgency, perKind) -> perKind.forEach((kind, overrides) -> {
            Urgency u = urgency(urgency);
            CaseKind k = kind(kind);
            Map<CaseKind, Terms> level = byKind.computeIfAbsent(u, x -> new EnumMap<>(CaseKind.class));
            level.put(k, withContext("urgency " + urgency + ", kind " + kind,
                    level.getOrDefault(k, byUrgency.get(u)), overrides));
        }));

        Map<Urgency, Map<String, Terms>> byCategory = new EnumMap<>(Urgency.class);
        for (Urgency u : new Urgency[] { Urgency.NORMAL, Urgency.COMPLEX }) {
            byCategory.computeIfAbsent(u, x -> new LinkedHashMap<>()).put("LIVING/UTILITIES",
                    TermsText.of("1 clock-hours", "none", "4 clock-hours", "24 clock-hours", "24 clock-hours",
                            "3 working-days"));
        }
        categories.forEach((urgency, perCategory) -> perCategory.forEach((category, overrides) -> {
            Urgency u = urgency(urgency);
            Map<String, Terms> level = byCategory.computeIfAbsent(u, x -> new LinkedHashMap<>());
            level.put(category, withContext("urgency " + urgency + ", category " + category,
                    level.getOrDefault(category, byUrgency.get(u)), overrides));
        }));
        return new DeadlinePolicy(byUrgency, byKind, byCategory);
    }

    /** The terms of a case; complaints keep their on-site term whatever level decides the rest. */
    public Terms termsFor(CaseKind kind, Urgency urgency, String category, String subCategory) {
        Urgency u = urgency == null ? Urgency.NORMAL : urgency;
        Terms byKindOrUrgency = byKind.getOrDefault(u, Map.of()).getOrDefault(kind, byUrgency.get(u));
        Map<String, Terms> categories = byCategory.getOrDefault(u, Map.of());
        Terms specific = subCategory != null ? categories.get(category + "/" + subCategory) : null;
        if (specific == null && category != null) {
            specific = categories.get(category);
        }
        if (specific == null) {
            return byKindOrUrgency;
        }
        if (specific.onSite() == null && byKindOrUrgency.onSite() != null) {
            return new Terms(specific.accept(), byKindOrUrgency.onSite(), specific.handle(), specific.resolve(),
                    specific.reply(), specific.callback());
        }
        return specific;
    }

    /** Every level, for the README table and the admin API: urgency, then kind or category, to terms. */
    public Map<String, Terms> table() {
        Map<String, Terms> table = new LinkedHashMap<>();
        for (Urgency u : Urgency.values()) {
            table.put(u.name(), byUrgency.get(u));
            byKind.getOrDefault(u, Map.of()).forEach((k, t) -> table.put(u + " " + k, t));
            byCategory.getOrDefault(u, Map.of()).forEach((c, t) -> table.put(u + " " + c, t));
        }
        return table;
    }

    private static Terms withContext(String context, Terms terms, Map<String, String> overrides) {
        try {
            return terms.with(overrides);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(context + ": " + ex.getMessage(), ex);
        }
    }

    private static Urgency urgency(String name) {
        try {
            return Urgency.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Unknown urgency '" + name + "'", ex);
        }
    }

    private static CaseKind kind(String name) {
        try {
            return CaseKind.valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Unknown kind '" + name + "'", ex);
        }
    }

    private static final class TermsText {

        static Terms of(String accept, String onSite, String handle, String resolve, String reply, String callback) {
            return new Terms(TermFormat.parse(accept), TermFormat.parse(onSite), TermFormat.parse(handle),
                    TermFormat.parse(resolve), TermFormat.parse(reply), TermFormat.parse(callback));
        }
    }
}
