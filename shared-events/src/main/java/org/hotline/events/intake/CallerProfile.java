package org.hotline.events.intake;

import org.hotline.events.FeedbackChannel;

/**
 * What other services may know about a caller: an opaque reference to the encrypted contact record
 * held by intake-service, never the name, phone, e-mail or organisation.
 */
public record CallerProfile(String callerRef, boolean anonymous, FeedbackChannel preferredFeedbackChannel) {
}
