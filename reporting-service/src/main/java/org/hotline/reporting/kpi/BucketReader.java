package org.hotline.reporting.kpi;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.Generation;
import org.hotline.reporting.ledger.Generations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads KPI buckets of the active generation: one grain, a period, counters only. Whole months inside the period
 * come from the monthly buckets, the days before and after them from the daily ones, so a year reads about twelve
 * buckets per key.
 */
@Component
class BucketReader {

    /**
     * A bucket's period, dimension value and counters.
     *
     * @param day {@code yyyy-MM-dd}, or {@code yyyy-MM} for a monthly bucket
     */
    record Bucket(String day, String key, Map<String, Long> counters) {
    }

    private final MongoTemplate mongo;
    private final Generations generations;

    BucketReader(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** The buckets of a grain covering the days from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Bucket> read(Grain grain, LocalDate from, LocalDate to) {
        Generation generation = generations.active();
        YearMonth firstWhole = YearMonth.from(from.getDayOfMonth() == 1 ? from : from.plusMonths(1));
        YearMonth endWhole = YearMonth.from(to);
        if (!firstWhole.isBefore(endWhole)) {
            return days(generation, grain, from, to);
        }
        List<Bucket> buckets = new ArrayList<>(find(generation.bucketCollection(grain, true), firstWhole.toString(),
                endWhole.toString()));
        buckets.addAll(days(generation, grain, from, firstWhole.atDay(1)));
        buckets.addAll(days(generation, grain, endWhole.atDay(1), to));
        return buckets;
    }

    /** The daily buckets of a grain, for breakdowns by day or week. */
    List<Bucket> days(Grain grain, LocalDate from, LocalDate to) {
        return days(generations.active(), grain, from, to);
    }

    private List<Bucket> days(Generation generation, Grain grain, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return find(generation.bucketCollection(grain, false), from.toString(), to.toString());
    }

    private List<Bucket> find(String collection, String from, String to) {
        Query query = Query.query(where("day").gte(from).lt(to));
        query.fields().include("day", "key", "c");
        return mongo.find(query, Document.class, collection).stream().map(BucketReader::bucket).toList();
    }

    private static Bucket bucket(Document d) {
        Map<String, Long> counters = new HashMap<>();
        Document c = d.get("c", Document.class);
        if (c != null) {
            c.forEach((name, value) -> counters.put(name, ((Number) value).longValue()));
        }
        return new Bucket(d.getString("day"), d.getString("key"), counters);
    }
}
