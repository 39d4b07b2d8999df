package org.hotline.reporting.kpi;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hotline.reporting.ledger.BucketLayout;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.Generation;
import org.hotline.reporting.ledger.Generations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads KPI buckets of the active generation: one grain, a period, counters only. Whole months inside the period
 * come from the monthly documents, the days before and after them from the daily ones, each looked up by id (one
 * document per grain and period holds every key's counters, see {@link BucketLayout}): a year reads twelve
 * documents, and one per day at its edges.
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
        List<String> months = new ArrayList<>();
        for (YearMonth m = firstWhole; m.isBefore(endWhole); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<Bucket> buckets = new ArrayList<>(find(generation.bucketCollection(grain, true), grain, months));
        buckets.addAll(days(generation, grain, from, firstWhole.atDay(1)));
        buckets.addAll(days(generation, grain, endWhole.atDay(1), to));
        return buckets;
    }

    /** The daily buckets of a grain, for breakdowns by day or week. */
    List<Bucket> days(Grain grain, LocalDate from, LocalDate to) {
        return days(generations.active(), grain, from, to);
    }

    private List<Bucket> days(Generation generation, Grain grain, LocalDate from, LocalDate to) {
        List<String> days = from.datesUntil(to).map(LocalDate::toString).toList();
        return days.isEmpty() ? List.of() : find(generation.bucketCollection(grain, false), grain, days);
    }

    /** The buckets of the periods' documents, looked up by id: counters only. */
    private List<Bucket> find(String collection, Grain grain, List<String> periods) {
        Query query = Query.query(where("_id").in(periods.stream().map(p -> BucketLayout.documentId(grain, p))
                .toList()));
        query.fields().include("day", BucketLayout.COUNTERS);
        List<Bucket> buckets = new ArrayList<>();
        for (Document d : mongo.find(query, Document.class, collection)) {
            Document values = d.get(BucketLayout.COUNTERS, Document.class);
            if (values != null) {
                values.forEach((value, counters) -> buckets.add(bucket(d.getString("day"), value, (Document) counters)));
            }
        }
        return buckets;
    }

    private static Bucket bucket(String day, String field, Document c) {
        Map<String, Long> counters = new HashMap<>();
        c.forEach((name, value) -> counters.put(name, ((Number) value).longValue()));
        return new Bucket(day, BucketLayout.value(field), counters);
    }
}
