package org.hotline.feedback.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.hotline.events.FeedbackChannel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How results reach callers.
 *
 * @param language the language of the messages: {@code zh} (default) or {@code en}
 * @param fallbackOrder the automatic channels, in the order they are tried after the caller's preferred one
 * @param sms the SMS gateway
 * @param mail the e-mail sender (the SMTP server itself is {@code spring.mail.*}; without {@code spring.mail.host}
 *        there is no e-mail channel)
 */
@ConfigurationProperties("hotline.feedback.delivery")
public record DeliveryProperties(@DefaultValue("zh") String language,
        @DefaultValue({ "SMS", "EMAIL" }) List<FeedbackChannel> fallbackOrder, @DefaultValue Sms sms,
        @DefaultValue Mail mail) {

    /** How SMS are sent: logged only (masked, for the dev stack) or posted to an HTTP gateway. */
    public enum SmsMode {
        LOG, HTTP
    }

    /**
     * @param mode LOG (default: nothing is sent, a line with the masked number is logged) or HTTP
     * @param url the gateway's endpoint; it receives {@code POST} with {@code {"to","text","reference"}}
     * @param apiKey sent as {@code Authorization: Bearer …} when set
     * @param connectTimeout how long to wait for the connection
     * @param readTimeout how long to wait for the answer
     */
    public record Sms(@DefaultValue("LOG") SmsMode mode,
            @DefaultValue("http://127.0.0.1:8090/sms") URI url, String apiKey,
            @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {
    }

    /** @param from the sender address of feedback e-mails */
    public record Mail(@DefaultValue("hotline@localhost") String from) {
    }
}
