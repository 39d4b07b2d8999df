package org.hotline.routing.assignment;

import org.hotline.testsupport.HotlineServiceTest;

/** The scenarios on an embedded Kafka broker (KRaft) and the in-process MongoDB stand-in. */
@HotlineServiceTest
class RoutingIT extends RoutingScenarios {
}
