package org.hotline.reporting.kpi;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hotline.reporting.ledger.BucketLayout;
import org.hotline.reporting.ledger.BucketWrites;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.Generation;
import org.hotline.reporting.ledger.Generations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Reads KPI buckets of the active generation: one grain, a period, counters only. Whole months inside the period
 * come from the monthly documents, the days before and after them from the daily ones, each looked up by id (one
 * document per grain and period holds every key's counters, see {@link BucketLayout}): a year reads twelve
 * documents, and one per day at its edges. Documents read are kept for a few seconds and used again as long as this
 * instance has not written to them since: a dashboard refreshing every few seconds reads again only the documents
 * that changed (today's and this month's, mostly).
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

    /** How many bucket documents the cache keeps at most (a year of every grain by day is about 2,600). */
    private static final int CACHE_DOCUMENTS = 20_000;

    /** A document's buckets as read, and how many writes this instance had made to it before the read. */
    private record Cached(long writes, List<Bucket> buckets) {
    }

    private final MongoTemplate mongo;
    private final Generations generations;
    private final BucketWrites writes;
    /** Null when the cache is off. */
    private final Cache<String, Cached> cache;

    /**
     * @param cacheFor how long a document read is used again, unless this instance writes to it meanwhile (then it is
     *     read again at once): the longest a report lags behind the writes of other instances; zero turns the cache
     *     off
     */
    BucketReader(MongoTemplate mongo, Generations generations, BucketWrites writes,
            @Value("${hotline.reporting.read-cache:5s}") Duration cacheFor) {
        this.mongo = mongo;
        this.generations = generations;
        this.writes = writes;
        this.cache = cacheFor.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(CACHE_DOCUMENTS).build();
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

    /**
     * The buckets of the periods' documents: from the cache where this instance has not written to the document since
     * it was read, the others looked up by id (counters only).
     */
    private List<Bucket> find(String collection, Grain grain, List<String> periods) {
        List<Bucket> buckets = new ArrayList<>();
        Map<String, Long> toRead = new LinkedHashMap<>();
        for (String period : periods) {
            String id = BucketLayout.documentId(grain, period);
            long written = writes.count(collection, id);
            Cached cached = cache == null ? null : cache.getIfPresent(collection + "\n" + id);
            if (cached != null && cached.writes() == written) {
                buckets.addAll(cached.buckets());
            }
            else {
                toRead.put(id, written);
            }
        }
        if (toRead.isEmpty()) {
            return buckets;
        }
        Query query = Query.query(where("_id").in(toRead.keySet()));
        query.fields().include("day", BucketLayout.COUNTERS);
        Map<String, List<Bucket>> read = new HashMap<>();
        for (Document d : mongo.find(query, Document.class, collection)) {
            List<Bucket> ofDocument = new ArrayList<>();
            Document values = d.get(BucketLayout.COUNTERS, Document.class);
            if (values != null) {
                values.forEach((value, counters) -> ofDocument.add(bucket(d.getString("day"), value,
                        (Document) counters)));
            }
            read.put(d.getString("_id"), ofDocument);
        }
        toRead.forEach((id, written) -> {
            List<Bucket> ofDocument = read.getOrDefault(id, List.of());
            buckets.addAll(ofDocument);
            if (cache != null) {
                cache.put(collection + "\n" + id, new Cached(written, List.copyOf(ofDocument)));
            }
        });
        return buckets;
    }

    private static Bucket bucket(String day, String field, Document c) {
        Map<String, Long> counters = new HashMap<>();
        c.forEach((name, value) -> counters.put(name, ((Number) value).longValue()));
        return new Bucket(day, BucketLayout.value(field), counters);
    }
}
