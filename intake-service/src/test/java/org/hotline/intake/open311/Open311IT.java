package org.hotline.intake.open311;

import org.hotline.testsupport.HotlineServiceTest;

/** The Open311 scenarios on an embedded Kafka broker (KRaft) and the in-process MongoDB stand-in. */
@HotlineServiceTest
class Open311IT extends Open311Scenarios {
}
