package org.hotline.feedback.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotline.events.FeedbackChannel;
import org.hotline.feedback.delivery.DeliveryAttempt.Outcome;
import org.hotline.feedback.delivery.FeedbackSender.Delivery;
import org.hotline.feedback.privacy.ContactKeys.Contact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.HttpClientErrorException;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.mail.internet.MimeMessage;

/**
 * The gateways behind retry, circuit breaker and bulkhead, against a stubbed SMS gateway (WireMock) and an in-process
 * SMTP server (GreenMail).
 */
@ExtendWith(OutputCaptureExtension.class)
class FeedbackSenderTests {

    private static final String PHONE = "13912345678";
    private static final String EMAIL = "li.si@example.org";
    private static final String NAME = "Li Si";
    private static final Contact CONTACT = new Contact(NAME, PHONE, EMAIL, null);
    private static final FeedbackMessage MESSAGE = new FeedbackMessage("Your case HL-1", "Boiler repaired");
    private static final List<FeedbackChannel> SMS_THEN_EMAIL = List.of(FeedbackChannel.SMS, FeedbackChannel.EMAIL);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final WireMockServer gateway = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final List<DeliveryAttempt> stored = new CopyOnWriteArrayList<>();
    private CircuitBreakerRegistry circuitBreakers;
    private FeedbackSender sender;

    private RetryRegistry retries;
    private DeliveryAttemptRepository attempts;
    private DeliveryProperties properties;
    private StaticListableBeanFactory beans;

    @BeforeEach
    void setUp() {
        gateway.start();
        attempts = mock(DeliveryAttemptRepository.class);
        when(attempts.save(any())).thenAnswer(call -> {
            stored.add(call.getArgument(0));
            return call.getArgument(0);
        });
        when(attempts.findByCaseIdOrderByAtAscAttemptAsc(anyString())).thenAnswer(call -> stored.stream()
                .filter(a -> a.caseId().equals(call.getArgument(0))).toList());
        when(attempts.findAllById(any())).thenAnswer(call -> {
            List<String> ids = new ArrayList<>();
            call.<Iterable<?>>getArgument(0).forEach(id -> ids.add(id.toString()));
            return stored.stream().filter(a -> ids.contains(a.id())).toList();
        });
        properties = new DeliveryProperties("en", SMS_THEN_EMAIL, new DeliveryProperties.Sms(
                DeliveryProperties.SmsMode.HTTP, URI.create(gateway.baseUrl() + "/sms"), "secret",
                Duration.ofSeconds(2), Duration.ofSeconds(2)), new DeliveryProperties.Mail("hotline@example.org"));
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        beans = new StaticListableBeanFactory(Map.of("mailSender", mail));
        retries = RetryRegistry.of(RetryConfig.custom().maxAttempts(3)
                .waitDuration(Duration.ofMillis(10)).ignoreExceptions(CallNotPermittedException.class,
                        BulkheadFullException.class, HttpClientErrorException.class).build());
        circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(1))
                .permittedNumberOfCallsInHalfOpenState(1).build());
        sender = sender(BulkheadRegistry.ofDefaults());
    }

    private FeedbackSender sender(BulkheadRegistry bulkheads) {
        return new FeedbackSender(List.of(new SmsGateway(properties), new MailGateway(beans
                .getBeanProvider(JavaMailSender.class), properties)), retries, circuitBreakers, bulkheads, attempts,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        gateway.stop();
    }

    @Test
    void whenTheSmsGatewayAcceptsThenTheCallerIsReachedAtTheFirstAttempt() {
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(202)));

        Delivery delivery = sender.deliver("case-1", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery(FeedbackChannel.SMS, "sms", 1));
        gateway.verify(1, postRequestedFor(urlEqualTo("/sms")).withHeader("Authorization", equalTo("Bearer secret"))
                .withRequestBody(equalToJson("""
                        {"to":"13912345678","text":"Boiler repaired","reference":"case-1-0"}""")));
        assertThat(stored).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.DELIVERED);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void whenTheSmsGatewayFailsTwiceThenTheRetryDelivers() {
        gateway.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        gateway.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
        gateway.stubFor(post("/sms").inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)));

        Delivery delivery = sender.deliver("case-2", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery(FeedbackChannel.SMS, "sms", 3));
        assertThat(stored).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.FAILED, Outcome.FAILED,
                Outcome.DELIVERED);
        assertThat(stored).extracting(DeliveryAttempt::failure).containsExactly("HTTP 503", "HTTP 500", null);
        assertThat(stored).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void whenTheSmsGatewayFailsForGoodThenTheCallerGetsAnEmail(CapturedOutput output) throws Exception {
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(503)));

        Delivery delivery = sender.deliver("case-3", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery(FeedbackChannel.EMAIL, "mail", 4));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Your case HL-1");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(EMAIL);
        assertThat(GreenMailUtil.getBody(received[0])).contains("Boiler repaired");
        assertThat(stored).extracting(DeliveryAttempt::channel).containsExactly(FeedbackChannel.SMS,
                FeedbackChannel.SMS, FeedbackChannel.SMS, FeedbackChannel.EMAIL);
        assertThat(stored.toString()).doesNotContain(PHONE, EMAIL, NAME);
        assertThat(ours(output)).doesNotContain(PHONE, EMAIL, NAME).contains("case-3");
    }

    /** The captured log without the lines of the test SMTP server, which logs the addresses it receives for. */
    static String ours(CapturedOutput output) {
        return output.getAll().lines().filter(line -> !line.contains("icegreen"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void whenTheGatewayRefusesTheRequestThenItIsNotRetried() {
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(400)));

        Delivery delivery = sender.deliver("case-4", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);

        assertThat(delivery.channel()).isEqualTo(FeedbackChannel.EMAIL);
        gateway.verify(1, postRequestedFor(urlEqualTo("/sms")));
    }

    @Test
    void whenEveryChannelFailsThenNothingIsDeliveredAndEveryAttemptIsRecorded() {
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(503)));
        Contact phoneOnly = new Contact(NAME, PHONE, null, null);

        Delivery delivery = sender.deliver("case-5", 0, SMS_THEN_EMAIL, phoneOnly, MESSAGE);

        assertThat(delivery).isEqualTo(new Delivery(null, null, 3));
        assertThat(stored).extracting(DeliveryAttempt::outcome).containsExactly(Outcome.FAILED, Outcome.FAILED,
                Outcome.FAILED, Outcome.SKIPPED);
        assertThat(stored.get(3).failure()).isEqualTo("no e-mail address");
    }

    @Test
    void whenARoundIsTriedAgainThenItsAttemptsNumberOnAndANewRoundNumbersFromOne() {
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(400)));
        Contact phoneOnly = new Contact(NAME, PHONE, null, null);
        sender.deliver("case-13", 0, SMS_THEN_EMAIL, phoneOnly, MESSAGE);
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(202)));

        sender.deliver("case-13", 0, SMS_THEN_EMAIL, phoneOnly, MESSAGE);
        sender.deliver("case-13", 1, SMS_THEN_EMAIL, phoneOnly, MESSAGE);

        assertThat(stored).extracting(a -> a.round() + "/" + a.attempt() + "/" + a.outcome()).containsExactly(
                "0/1/FAILED", "0/2/SKIPPED", "0/3/DELIVERED", "1/1/DELIVERED");
        assertThat(stored).extracting(DeliveryAttempt::id).doesNotHaveDuplicates();
    }

    @Test
    void whenTheSmsGatewayKeepsFailingThenTheCircuitOpensAndClosesOnceItRecovers() {
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(503)));
        CircuitBreaker circuit = circuitBreakers.circuitBreaker("sms");

        // when two deliveries fail three times each
        sender.deliver("case-6", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);
        sender.deliver("case-7", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);

        // then the circuit is open: the next delivery does not call the gateway and goes by e-mail at once
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = gateway.getAllServeEvents().size();
        Delivery whileOpen = sender.deliver("case-8", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);
        assertThat(whileOpen).isEqualTo(new Delivery(FeedbackChannel.EMAIL, "mail", 1));
        assertThat(gateway.getAllServeEvents()).hasSize(calls);
        assertThat(stored.stream().filter(a -> a.caseId().equals("case-8")).map(DeliveryAttempt::outcome))
                .containsExactly(Outcome.CIRCUIT_OPEN, Outcome.DELIVERED);

        // when the gateway recovers, after the open wait a trial call closes the circuit again
        gateway.resetAll();
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(200)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> sender.deliver("case-9", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE).channel(),
                channel -> channel == FeedbackChannel.SMS);
        assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void whenTheSmsBulkheadIsFullThenTheGatewayIsNotCalledAndTheCallerGetsAnEmail() throws Exception {
        // given one SMS send at a time, and a slow gateway busy with one
        FeedbackSender oneAtATime = sender(BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(1)
                .maxWaitDuration(Duration.ZERO).build()));
        gateway.stubFor(post("/sms").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        Thread busy = new Thread(() -> oneAtATime.deliver("case-11", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE));
        busy.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.getAllServeEvents().size() == 1);

        // when
        Delivery delivery = oneAtATime.deliver("case-12", 0, SMS_THEN_EMAIL, CONTACT, MESSAGE);
        busy.join(Duration.ofSeconds(30).toMillis());

        // then
        assertThat(delivery).isEqualTo(new Delivery(FeedbackChannel.EMAIL, "mail", 1));
        assertThat(stored.stream().filter(a -> a.caseId().equals("case-12")).map(DeliveryAttempt::outcome))
                .containsExactly(Outcome.BULKHEAD_FULL, Outcome.DELIVERED);
        assertThat(stored.stream().filter(a -> a.caseId().equals("case-11")).map(DeliveryAttempt::outcome))
                .containsExactly(Outcome.DELIVERED);
    }

    @Test
    void whenTheCallerPrefersAChannelOnlyAnOperatorCanUseThenNothingIsPlanned() {
        assertThat(sender.plan(FeedbackChannel.PHONE, SMS_THEN_EMAIL)).isEmpty();
        assertThat(sender.plan(FeedbackChannel.EMAIL, SMS_THEN_EMAIL)).containsExactly(FeedbackChannel.EMAIL,
                FeedbackChannel.SMS);
        assertThat(sender.plan(null, SMS_THEN_EMAIL)).containsExactly(FeedbackChannel.SMS, FeedbackChannel.EMAIL);
    }

    @Test
    void whenTheSmsGatewayIsInLogModeThenOnlyTheMaskedNumberIsLogged(CapturedOutput output) {
        SmsGateway logOnly = new SmsGateway(new DeliveryProperties("zh", SMS_THEN_EMAIL, new DeliveryProperties.Sms(
                DeliveryProperties.SmsMode.LOG, URI.create("http://127.0.0.1:1/sms"), null, Duration.ofSeconds(1),
                Duration.ofSeconds(1)), new DeliveryProperties.Mail("hotline@localhost")));

        logOnly.send(CONTACT, MESSAGE, "case-10-0");

        assertThat(output.getAll()).contains("139****5678").doesNotContain(PHONE, "Boiler repaired");
        assertThat(logOnly.name()).isEqualTo("sms-log");
        assertThat(gateway.getAllServeEvents()).isEmpty();
    }
}
