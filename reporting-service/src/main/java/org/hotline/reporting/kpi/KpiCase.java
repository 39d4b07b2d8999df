package org.hotline.reporting.kpi;

import java.time.Instant;

import org.hotline.events.Channel;
import org.hotline.events.Satisfaction;

/**
 * What the KPIs need to know about one case.
 *
 * @param department the department of the current assignment; null if never assigned (e.g. answered on the spot)
 * @param ringStartedAt calls: when the phone started ringing
 * @param answeredAt calls: when the operator answered
 * @param anonymous reported anonymously: no callback is possible
 * @param assignedAt when the current assignment was made; null if never assigned
 * @param resolvedAt when the latest result was reported; null if there was none
 * @param resolveBy the current assignment's resolve-by deadline; null if never assigned
 * @param satisfaction the answer at the latest callback; null if there was none
 * @param bounces how many times a department refused the case
 */
record KpiCase(String department, Channel channel, Instant ringStartedAt, Instant answeredAt, boolean anonymous,
        Instant assignedAt, Instant resolvedAt, Instant resolveBy, Instant closedAt, Satisfaction satisfaction,
        int escalations, int bounces, int reopens) {
}
