package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CloudEventHeadersTests {

    @Test
    void whenHeadersAreBuiltThenTheyFollowTheKafkaBinaryBinding() {
        HotlineEvent event = EventSamples.of(EventType.CASE_ASSIGNED);
        Map<String, String> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(event).forEach((k, v) -> headers.put(k, new String(v, StandardCharsets.UTF_8)));

        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", event.eventId().toString())
                .containsEntry("ce_source", "/hotline/routing-service")
                .containsEntry("ce_type", "org.hotline.case.assigned.v1")
                .containsEntry("ce_time", "2026-11-23T01:31:00Z")
                .containsEntry("ce_subject", EventSamples.CASE_ID)
                .containsEntry("content-type", "application/json")
                .containsEntry("ce_correlationid", event.envelope().correlationId())
                .containsEntry("hotline_departments", "SANITATION_BUREAU,DISTRICT_OFFICE");
    }

    @Test
    void whenTopicsAreListedThenEveryEventHasItsOwnTopicAndType() {
        assertThat(EventType.values()).extracting(EventType::topic).doesNotHaveDuplicates();
        assertThat(EventType.values()).extracting(EventType::cloudEventType)
                .allMatch(t -> t.matches("org\\.hotline\\.[a-z]+\\.[a-z-]+\\.v1"));
        assertThat(EventType.ofCloudEventType("org.hotline.case.opened.v1")).isEqualTo(EventType.CASE_OPENED);
        assertThat(Topics.deadLetter("case.opened", "routing-service")).isEqualTo("case.opened.routing-service.dlt");
    }
}
