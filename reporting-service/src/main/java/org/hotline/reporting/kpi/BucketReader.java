package org.hotline.reporting.kpi;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.Generations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads KPI buckets of the active generation: one grain, a range of days, counters only. */
@Component
class BucketReader {

    /** A bucket's day, dimension value and counters. */
    record Bucket(String day, String key, Map<String, Long> counters) {
    }

    private final MongoTemplate mongo;
    private final Generations generations;

    BucketReader(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** The buckets of a grain for the days from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Bucket> read(Grain grain, LocalDate from, LocalDate to) {
        Query query = Query.query(where("grain").is(grain.name()).and("day").gte(from.toString()).lt(to.toString()));
        query.fields().include("day", "key", "c");
        return mongo.find(query, Document.class, generations.active().bucketCollection()).stream()
                .map(BucketReader::bucket).toList();
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
