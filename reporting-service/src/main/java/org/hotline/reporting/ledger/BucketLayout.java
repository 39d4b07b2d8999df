package org.hotline.reporting.ledger;

/**
 * How KPI buckets are stored: one document per grain and period ({@code DEPARTMENT|2026-11-23},
 * {@code DEPARTMENT|2026-11}), holding the counters of every dimension value of that grain and period in a map,
 * {@code c.<value>.<counter>}. A reader therefore knows the ids of every document it needs from the grain and the
 * period alone and reads them by {@code _id}, without searching a collection. The same document keeps the guard that
 * applies each change at most once ({@code seen.<case> = {s: sequence number, t: when}}, see {@link BucketWriter}).
 * <p>
 * Dimension values and case ids become field names: {@code %}, {@code .} and {@code $} are not allowed in them (or
 * not at the start) and are written as {@code %25}, {@code %2E} and {@code %24}; the empty value as {@code %}.
 */
public final class BucketLayout {

    /** The map of dimension value → counter → count. */
    public static final String COUNTERS = "c";
    /** The map of case → the latest change the document took. */
    public static final String SEEN = "seen";
    /** In a guard entry: the sequence number of the case's latest change the document took. */
    static final String SEQ = "s";
    /** In a guard entry: when it was written (epoch milliseconds). */
    static final String AT = "t";

    private BucketLayout() {
    }

    /** The document of a grain's buckets of one day ({@code yyyy-MM-dd}) or month ({@code yyyy-MM}). */
    public static String documentId(CaseFacts.Grain grain, String period) {
        return grain.name() + "|" + period;
    }

    /** A dimension value or case id as a field name. */
    public static String field(String value) {
        if (value.isEmpty()) {
            return "%";
        }
        return value.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    /** The dimension value or case id a field name stands for: the inverse of {@link #field}. */
    public static String value(String field) {
        if (field.equals("%")) {
            return "";
        }
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
