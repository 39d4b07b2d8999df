package org.hotline.intake.open311;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.Channel;
import org.hotline.events.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Open311 GeoReport v2 API under {@code hotline.open311}.
 *
 * @param apiKeys the keys clients post requests with, each for the channel its cases count as (WEB or APP)
 * @param changeset when the discovery document or the services last changed, sortable
 * @param contact how to reach the people running the API
 * @param keyService how to get an api_key
 * @param endpointType {@code production} or {@code test}: whether requests are acted upon
 * @param maxSpan the longest date range GET requests searches, and its default window
 * @param maxResults the most requests GET requests returns
 * @param expectedWithin how soon a request of each urgency can be expected to be dealt with, for expected_datetime
 */
@ConfigurationProperties("hotline.open311")
record Open311Properties(List<ApiKey> apiKeys, @DefaultValue("2026-11-23T00:00:00Z") String changeset,
        @DefaultValue("Call the hotline or write to the hotline office") String contact,
        @DefaultValue("Ask the hotline office for an api_key") String keyService,
        @DefaultValue("production") String endpointType, @DefaultValue("P90D") Duration maxSpan,
        @DefaultValue("1000") int maxResults, Map<Urgency, Duration> expectedWithin) {

    /**
     * A client's key, stored only as its SHA-256 (hex), the channel its cases come in by, and who the client is
     * (for logs). Issue a key as a long random string, give it to the client, and configure its hash:
     * {@code printf %s "$KEY" | sha256sum}.
     */
    record ApiKey(String sha256, Channel channel, String client) {

        ApiKey {
            if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("hotline.open311.api-keys[].sha256 must be the 64 hex digits of "
                        + "the key's SHA-256");
            }
            sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
            if (channel != Channel.WEB && channel != Channel.APP) {
                throw new IllegalArgumentException("hotline.open311.api-keys[].channel must be WEB or APP");
            }
        }
    }

    Open311Properties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        Map<Urgency, Duration> expected = new EnumMap<>(Urgency.class);
        expected.put(Urgency.NORMAL, Duration.ofDays(7));
        expected.put(Urgency.COMPLEX, Duration.ofDays(7));
        expected.put(Urgency.EMERGENCY, Duration.ofHours(2));
        if (expectedWithin != null) {
            expected.putAll(expectedWithin);
        }
        expectedWithin = Map.copyOf(expected);
    }
}
