package org.hotline.events.routing;

import java.time.Instant;

/**
 * The deadlines of one assignment, computed on the working calendar from the assignment time.
 *
 * @param acceptBy the department signs for the case (簽收)
 * @param onSiteBy complaints: on site, or first contact with the caller; may be null
 * @param resolveBy handling finished and the result reported (辦結)
 * @param replyBy the case-level promise to the caller (約定回復時間)
 */
public record Deadlines(Instant acceptBy, Instant onSiteBy, Instant resolveBy, Instant replyBy) {
}
