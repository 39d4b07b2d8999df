package org.hotline.routing.webhooks;

import org.hotline.testsupport.HotlineServiceTest;

/** Webhook pushes with an embedded Kafka broker and the MongoDB stand-in. */
@HotlineServiceTest
class WebhookIT extends WebhookScenarios {
}
