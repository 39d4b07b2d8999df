package org.hotline.events.routing;

import java.time.Instant;

/**
 * The deadlines of one assignment, computed on the working calendar (or the clock, for emergencies) from the
 * assignment time. Any of them may be null where the kind of case has no such milestone.
 *
 * @param acceptBy the department signs for the case (簽收)
 * @param onSiteBy complaints: on site, or first contact with the caller
 * @param handleBy handling has started
 * @param resolveBy handling finished and the result reported (辦結)
 * @param replyBy the case-level promise to tell the caller the result (反饋, 約定回復時間), counted from intake
 * @param callbackBy the satisfaction callback (回訪)
 */
public record Deadlines(Instant acceptBy, Instant onSiteBy, Instant handleBy, Instant resolveBy, Instant replyBy,
        Instant callbackBy) {
}
