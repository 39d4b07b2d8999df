package org.hotline.routing.assignment;

import org.hotline.testsupport.RealImagesTest;

/** The same scenarios on the real apache/kafka and mongo images; skipped where no Docker engine runs. */
@RealImagesTest
class RoutingRealImagesIT extends RoutingScenarios {
}
