package org.hotline.events.escalation;

import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;

/** Emergencies: the department filed its after-action review (調查總結) with cause and measures. */
public record AfterActionReviewed(EventEnvelope envelope, String departmentCode, String cause, String measures)
        implements HotlineEvent {
}
