package org.hotline.intake.open311;

import org.hotline.testsupport.RealImagesTest;

/** The same Open311 scenarios on the real apache/kafka and mongo images; skipped where no Docker engine runs. */
@RealImagesTest
class Open311RealImagesIT extends Open311Scenarios {
}
