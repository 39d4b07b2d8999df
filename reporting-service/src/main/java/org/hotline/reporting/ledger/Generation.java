package org.hotline.reporting.ledger;

/**
 * A generation of the projections: one ledger collection and one bucket collection. A rebuild fills a new
 * generation from the beginning of the topics and then makes it the active one.
 *
 * @param number 0 for the first generation, whose collections are {@code ledger} and {@code kpi_buckets}
 */
public record Generation(int number) {

    public String ledgerCollection() {
        return number == 0 ? "ledger" : "ledger_g" + number;
    }

    public String bucketCollection() {
        return number == 0 ? "kpi_buckets" : "kpi_buckets_g" + number;
    }
}
