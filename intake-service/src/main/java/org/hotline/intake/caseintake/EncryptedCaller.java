package org.hotline.intake.caseintake;

import org.hotline.events.FeedbackChannel;

/**
 * A caller's contact details as stored: encrypted, plus the keyed phone hash for finding repeat callers and the
 * masked forms shown to desks.
 */
record EncryptedCaller(String ref, String name, String phone, String email, String organisation, String phoneIndex,
        boolean anonymous, FeedbackChannel preferredFeedbackChannel, String maskedName, String maskedPhone,
        String maskedEmail) {
}
