package org.hotline.routing.assignment;

import org.hotline.testsupport.RealImagesTest;

/** The workflow scenarios on the real apache/kafka and mongo images; skipped where no Docker engine runs. */
@RealImagesTest
class WorkflowRealImagesIT extends WorkflowScenarios {
}
