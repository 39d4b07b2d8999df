package org.hotline.feedback.casefeedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * The feedback desk's settings.
 *
 * @param reopenLimit how many times an unsatisfied caller can send a case back to the department; after that the
 *        case closes with the reason explained to the caller
 */
@Validated
@ConfigurationProperties("hotline.feedback")
record FeedbackProperties(@DefaultValue("2") @Min(0) int reopenLimit) {
}
