package org.hotline.reporting.ledger;

import org.hotline.testsupport.HotlineServiceTest;

/** The scenarios on an embedded Kafka broker (KRaft) and the in-process MongoDB stand-in. */
@HotlineServiceTest
class LedgerIT extends LedgerScenarios {
}
