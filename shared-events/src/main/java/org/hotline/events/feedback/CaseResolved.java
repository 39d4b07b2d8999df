package org.hotline.events.feedback;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/**
 * The handling of a case is finished: a department reported its result, or the operator answered on the spot.
 *
 * @param departmentCode the department that reports the result; null for an on-the-spot answer
 * @param summary what was done
 * @param measures the measures taken
 * @param onTheSpot answered by the operator during the call (當場解答)
 */
public record CaseResolved(EventEnvelope envelope, String departmentCode, String summary, String measures,
        boolean onTheSpot) implements HotlineEvent {
}
