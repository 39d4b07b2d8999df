package org.hotline.routing.assignment;

import org.hotline.testsupport.HotlineServiceTest;

/** The workflow scenarios on an embedded Kafka broker and the MongoDB stand-in. */
@HotlineServiceTest
class WorkflowIT extends WorkflowScenarios {
}
