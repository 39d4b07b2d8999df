package org.hotline.feedback.casefeedback;

import org.hotline.testsupport.HotlineServiceTest;
import org.springframework.context.annotation.Import;

/** The scenarios on an embedded Kafka broker (KRaft) and the in-process MongoDB stand-in. */
@HotlineServiceTest
@Import({ MovableClock.Config.class, StoreCommands.Config.class })
class FeedbackIT extends FeedbackScenarios {
}
