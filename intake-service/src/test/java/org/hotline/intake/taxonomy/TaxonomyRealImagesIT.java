package org.hotline.intake.taxonomy;

import org.hotline.testsupport.RealImagesTest;

/** The same scenarios on the real apache/kafka and mongo images; skipped where no Docker engine runs. */
@RealImagesTest
class TaxonomyRealImagesIT extends TaxonomyScenarios {
}
