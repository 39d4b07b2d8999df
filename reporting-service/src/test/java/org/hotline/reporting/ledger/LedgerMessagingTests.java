package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventFormatException;
import org.hotline.events.HotlineEvent;
import org.hotline.events.routing.CaseAccepted;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class LedgerMessagingTests {

    static final HotlineEvent ACCEPTED = CaseFlows.satisfied("c-1", Instant.parse("2026-11-23T01:30:00Z")).get(2);

    @Test
    void whenTheTypeHeaderIsBytesThenTheRecordIsReadAsThatEvent() {
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(ACCEPTED))
                .setHeader(CloudEventHeaders.TYPE, "org.hotline.case.accepted.v1".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThat(LedgerMessaging.read(message)).isInstanceOf(CaseAccepted.class).isEqualTo(ACCEPTED);
    }

    @Test
    void whenTheTypeHeaderIsTextThenTheRecordIsReadAsThatEvent() {
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(ACCEPTED))
                .setHeader(CloudEventHeaders.TYPE, "org.hotline.case.accepted.v1").build();

        assertThat(LedgerMessaging.read(message)).isEqualTo(ACCEPTED);
    }

    @Test
    void whenTheTypeHeaderHasItsCanonicalNameThenTheRecordIsReadAsThatEvent() {
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(ACCEPTED))
                .setHeader("ce-type", "org.hotline.case.accepted.v1").build();

        assertThat(LedgerMessaging.read(message)).isEqualTo(ACCEPTED);
    }

    @Test
    void whenTheTypeHeaderIsMissingThenTheRecordIsRejectedAsMalformed() {
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(ACCEPTED)).build();

        assertThatThrownBy(() -> LedgerMessaging.read(message)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void whenTheTypeIsUnknownThenTheRecordIsRejectedAsMalformed() {
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(ACCEPTED))
                .setHeader(CloudEventHeaders.TYPE, "org.hotline.case.teleported.v1").build();

        assertThatThrownBy(() -> LedgerMessaging.read(message)).isInstanceOf(EventFormatException.class)
                .hasMessage("Unknown event type org.hotline.case.teleported.v1");
    }

    @Test
    void whenThePayloadIsNotTheNamedEventThenTheRecordIsRejectedAsMalformed() {
        Message<byte[]> message = MessageBuilder.withPayload("{not json".getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.TYPE, "org.hotline.case.closed.v1").build();

        assertThatThrownBy(() -> LedgerMessaging.read(message)).isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("Cannot read org.hotline.case.closed.v1");
    }
}
