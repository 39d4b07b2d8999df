package org.hotline.intake.taxonomy;

import org.hotline.testsupport.HotlineServiceTest;

/** The scenarios on an embedded Kafka broker (KRaft) and the in-process MongoDB stand-in. */
@HotlineServiceTest
class TaxonomyIT extends TaxonomyScenarios {
}
