package org.hotline.feedback.casefeedback;

import org.hotline.testsupport.RealImagesTest;
import org.springframework.context.annotation.Import;

/** The same scenarios on the real apache/kafka and mongo images; skipped where no Docker engine runs. */
@RealImagesTest
@Import({ MovableClock.Config.class, StoreCommands.Config.class })
class FeedbackRealImagesIT extends FeedbackScenarios {
}
