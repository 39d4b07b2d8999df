package org.hotline.reporting.ledger;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A generation of the projections: one ledger collection and the bucket collections, one per grain and span
 * (day or month), so that a query reads only the buckets it needs. A rebuild fills a new generation from the
 * beginning of the topics and then makes it the active one.
 *
 * @param number 0 for the first generation, whose collections are {@code ledger}, {@code kpi_<grain>_day} and
 *     {@code kpi_<grain>_month}; later generations add {@code _g<number>} to each name
 */
public record Generation(int number) {

    public String ledgerCollection() {
        return number == 0 ? "ledger" : "ledger_g" + number;
    }

    public String bucketCollection(CaseFacts.Grain grain, boolean monthly) {
        String name = "kpi_" + grain.name().toLowerCase(Locale.ROOT) + (monthly ? "_month" : "_day");
        return number == 0 ? name : name + "_g" + number;
    }

    /** Every bucket collection of the generation. */
    public List<String> bucketCollections() {
        return Arrays.stream(CaseFacts.Grain.values())
                .flatMap(g -> Stream.of(bucketCollection(g, false), bucketCollection(g, true))).toList();
    }
}
