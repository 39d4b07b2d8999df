package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the KPIs are measured. Changing a threshold or the zone changes what cases count for from then on; run a
 * rebuild to recount the past.
 *
 * @param answerThreshold a call answered within this time after it started ringing is answered in time
 *     (鈴響三聲內接聽)
 * @param walkInThreshold a walk-in visitor received within this time after arriving is received in time
 * @param zone the time zone whose calendar days the KPI buckets are
 */
@ConfigurationProperties("hotline.reporting")
public record ReportingSettings(@DefaultValue("15s") Duration answerThreshold,
        @DefaultValue("5m") Duration walkInThreshold, @DefaultValue("Asia/Shanghai") ZoneId zone) {

    CaseFacts.Settings facts() {
        return new CaseFacts.Settings(answerThreshold, walkInThreshold, zone);
    }
}
