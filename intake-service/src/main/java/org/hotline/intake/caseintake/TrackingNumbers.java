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

/**
 * Hands out tracking numbers read to callers: {@code HL-<local date>-<six-digit daily sequence>}.
 * <p>
 * The daily sequence lives in {@code counters} ({@code _id = tracking-<yyyyMMdd>}, {@code value} = the highest
 * number handed out to any instance). An instance takes a block of {@code hotline.intake.tracking-block-size}
 * numbers at once (one {@code $inc} by the block size) and hands them out from memory, so the store sees one counter
 * update per block instead of one per case (the hi/lo scheme). Blocks never overlap, so numbers stay unique across
 * instances and restarts; the price is gaps: what is left of a block when the instance stops, or when the day ends,
 * is never used, and with several instances the numbers of one day are not in the order the cases came in.
 */
@Component
class TrackingNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final MongoTemplate mongo;
    private final ZoneId zone;
    private final int blockSize;

    /** The day of the block in hand, the last number handed out from it and the last number it holds. */
    private String day;
    private long last;
    private long end;

    TrackingNumbers(MongoTemplate mongo, @Value("${hotline.intake.time-zone:Asia/Shanghai}") ZoneId zone,
            @Value("${hotline.intake.tracking-block-size:100}") int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("hotline.intake.tracking-block-size must be at least 1");
        }
        this.mongo = mongo;
        this.zone = zone;
        this.blockSize = blockSize;
    }

    /** The next number of the local day of {@code now}; takes a new block from the store when the one in hand is used up. */
    synchronized String next(Instant now) {
        String today = DAY.format(now.atZone(zone));
        if (!today.equals(day) || last >= end) {
            Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is("tracking-" + today)),
                    new Update().inc("value", (long) blockSize),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "counters");
            end = ((Number) counter.get("value")).longValue();
            last = end - blockSize;
            day = today;
        }
        last++;
        return "HL-%s-%06d".formatted(day, last);
    }
}
