package org.hotline.events.intake;

import org.hotline.events.FeedbackChannel;

/**
 * What other services may know about a caller: an opaque reference to the encrypted contact record held by
 * intake-service, masked contact details for display (e.g. {@code 138****5678}), and the contact sealed so that only
 * feedback-service can open it. Never the name, phone, e-mail or organisation in plaintext.
 *
 * @param maskedName e.g. {@code 李*} or {@code Z*** S**}; null for anonymous callers
 * @param maskedPhone e.g. {@code 138****5678}
 * @param maskedEmail e.g. {@code z***@example.org}
 * @param contact name, phone, e-mail and organisation sealed for feedback-service; null for anonymous callers
 */
public record CallerProfile(String callerRef, boolean anonymous, FeedbackChannel preferredFeedbackChannel,
        String maskedName, String maskedPhone, String maskedEmail, SealedContact contact) {

    /** A profile without contact details, e.g. an anonymous caller. */
    public CallerProfile(String callerRef, boolean anonymous, FeedbackChannel preferredFeedbackChannel) {
        this(callerRef, anonymous, preferredFeedbackChannel, null, null, null, null);
    }
}
