package org.hotline.routing.webhooks;

import org.hotline.testsupport.RealImagesTest;

/** Webhook pushes on the real apache/kafka and mongo images; skipped where no Docker engine runs. */
@RealImagesTest
class WebhookRealImagesIT extends WebhookScenarios {
}
