package org.hotline.reporting.kpi;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the KPIs are measured.
 *
 * @param answerThreshold a call answered within this time after it started ringing counts as answered in time
 */
@ConfigurationProperties("hotline.reporting")
record KpiSettings(@DefaultValue("15s") Duration answerThreshold) {
}
