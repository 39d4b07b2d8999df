package org.hotline.events.feedback;

import java.util.List;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/**
 * The handling of a case is finished: a department's result (for complex cases consolidated by the lead department
 * and approved by a supervisor), or the operator's answer on the spot.
 *
 * @param departmentCode the department that reports the result; null for an on-the-spot answer
 * @param outcome what the handling achieved
 * @param summary what was done
 * @param measures the measures taken
 * @param reason why it could not be resolved, or why a suggestion was not adopted
 * @param alternativeOffered what was offered instead, where it could not be resolved
 * @param contributingDepartments complex cases: the assisting departments whose contributions it consolidates
 * @param approvedBy complex cases: the supervisor who approved the result (審核)
 * @param attachments URLs of documents and photos
 * @param onTheSpot answered by the operator during the call (當場解答)
 */
public record CaseResolved(EventEnvelope envelope, String departmentCode, ResolutionOutcome outcome, String summary,
        String measures, String reason, String alternativeOffered, List<String> contributingDepartments,
        String approvedBy, List<String> attachments, boolean onTheSpot) implements HotlineEvent {
}
