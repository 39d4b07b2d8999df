package org.hotline.feedback.delivery;

import java.net.http.HttpClient;
import java.util.Map;

import org.hotline.events.FeedbackChannel;
import org.hotline.feedback.privacy.ContactKeys.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * SMS through an HTTP gateway: {@code POST <url>} with {@code {"to","text","reference"}}; any 2xx means accepted. In
 * LOG mode (the dev stack's default) nothing is sent and one line with the masked number is logged.
 */
@Component
class SmsGateway implements ChannelGateway {

    static final String NAME = "sms";

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    private final DeliveryProperties.Sms settings;
    private final RestClient http;

    SmsGateway(DeliveryProperties properties) {
        this.settings = properties.sms();
        // HTTP/1.1: the JDK client's h2c upgrade of a POST with a body stalls on some gateways (and on WireMock)
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public FeedbackChannel channel() {
        return FeedbackChannel.SMS;
    }

    @Override
    public String name() {
        return settings.mode() == DeliveryProperties.SmsMode.LOG ? NAME + "-log" : NAME;
    }

    @Override
    public String unusableFor(Contact contact) {
        return contact.phone() == null || contact.phone().isBlank() ? "no phone number" : null;
    }

    @Override
    public void send(Contact contact, FeedbackMessage message, String reference) {
        if (settings.mode() == DeliveryProperties.SmsMode.LOG) {
            log.info("SMS {} to {} ({} characters) logged, not sent: the SMS gateway is in LOG mode", reference,
                    masked(contact.phone()), message.text().length());
            return;
        }
        http.post().uri(settings.url()).contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey());
                    }
                })
                .body(Map.of("to", contact.phone(), "text", message.text(), "reference", reference))
                .retrieve().toBodilessEntity();
    }

    /** {@code 138****5678}: the first three and last four digits of longer numbers, nothing of short ones. */
    static String masked(String phone) {
        String digits = phone.replaceAll("\\s", "");
        return digits.length() >= 11 ? digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4)
                : "****";
    }
}
