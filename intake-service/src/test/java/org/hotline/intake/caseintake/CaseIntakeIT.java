package org.hotline.intake.caseintake;

import org.hotline.testsupport.HotlineServiceTest;

/** The scenarios on an embedded Kafka broker (KRaft) and the in-process MongoDB stand-in. */
@HotlineServiceTest
class CaseIntakeIT extends CaseIntakeScenarios {
}
