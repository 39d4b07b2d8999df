package org.hotline.feedback.delivery;

/** What the caller is told: a subject (for e-mail) and the text (SMS, e-mail body, or the operator's script). */
public record FeedbackMessage(String subject, String text) {
}
