package org.hotline.intake.caseintake;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Hands out tracking numbers read to callers: {@code HL-<local date>-<six-digit daily sequence>}. */
@Component
class TrackingNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final MongoTemplate mongo;
    private final ZoneId zone;

    TrackingNumbers(MongoTemplate mongo, @Value("${hotline.intake.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
    }

    String next(Instant now) {
        String day = DAY.format(now.atZone(zone));
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("tracking-" + day)),
                new Update().inc("value", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, "counters");
        long value = ((Number) counter.get("value")).longValue();
        return "HL-%s-%06d".formatted(day, value);
    }
}
