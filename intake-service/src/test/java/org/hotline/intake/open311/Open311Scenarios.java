package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventCodec;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.intake.CaseOpened;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 as a city's apps use it, run twice: on an embedded Kafka broker with the MongoDB stand-in
 * ({@link Open311IT}) and on the real images ({@link Open311RealImagesIT}).
 */
abstract class Open311Scenarios {

    static final String WEB_KEY = "dev-open311-web-key";
    static final String APP_KEY = "dev-open311-app-key";
    static final String NAME_FIRST = "Meiling";
    static final String NAME_LAST = "Wu-Testcaller";
    static final String PHONE = "+86 139 0000 4242";
    static final String EMAIL = "meiling.wu@example.org";

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    RestClient http;
    KafkaProbe kafka;
    final JsonMapper json = JsonMapper.builder().build();
    /** Every Open311 response body of a test, checked for caller data at the end. */
    final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_OPENED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
        assertThat(String.join("\n", bodies)).doesNotContain(NAME_FIRST, NAME_LAST, "139 0000 4242", "13900004242",
                EMAIL);
    }

    ResponseEntity<String> get(String path, Object... variables) {
        ResponseEntity<String> response = http.get().uri("/open311/v2/" + path, variables).retrieve()
                .toEntity(String.class);
        bodies.add(String.valueOf(response.getBody()));
        return response;
    }

    ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
        ResponseEntity<String> response = http.post().uri("/open311/v2/requests." + format)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toEntity(String.class);
        bodies.add(String.valueOf(response.getBody()));
        return response;
    }

    /** A report as the spec's example posts it, about rubbish in Shanghai, from a caller who can be reached. */
    static MultiValueMap<String, String> report(String apiKey, String serviceCode) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (apiKey != null) {
            form.add("api_key", apiKey);
        }
        form.add("jurisdiction_id", "hotline.example.org");
        form.add("service_code", serviceCode);
        form.add("lat", "31.2304");
        form.add("long", "121.4737");
        form.add("address_string", "1 Renmin Road, Huangpu, Shanghai");
        form.add("email", EMAIL);
        form.add("device_id", "tt222111");
        form.add("account_id", "123456");
        form.add("first_name", NAME_FIRST);
        form.add("last_name", NAME_LAST);
        form.add("phone", PHONE);
        form.add("description", "Rubbish bins overflowing for three days");
        form.add("media_url", "http://media.example.org/requests/42.jpg");
        return form;
    }

    static Document xml(ResponseEntity<String> response) {
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_XML)).isTrue();
        assertThat(response.getBody()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception ex) {
            throw new AssertionError("Not XML: " + response.getBody(), ex);
        }
    }

    static String text(Document document, String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING);
        }
        catch (Exception ex) {
            throw new AssertionError(xpath, ex);
        }
    }

    static int count(Document document, String xpath) {
        try {
            return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document,
                    XPathConstants.NODESET)).getLength();
        }
        catch (Exception ex) {
            throw new AssertionError(xpath, ex);
        }
    }

    JsonNode jsonOf(ResponseEntity<String> response) {
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        return json.readTree(response.getBody());
    }

    void assertError(ResponseEntity<String> response, int status, String format, String describing) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        if ("json".equals(format)) {
            JsonNode errors = jsonOf(response);
            assertThat(errors.isArray()).isTrue();
            assertThat(errors.get(0).path("code").asInt()).isEqualTo(status);
            assertThat(errors.get(0).path("description").asString()).contains(describing);
        }
        else {
            Document errors = xml(response);
            assertThat(text(errors, "/errors/error/code")).isEqualTo(String.valueOf(status));
            assertThat(text(errors, "/errors/error/description")).contains(describing);
        }
    }

    @Test
    void whenDiscoveryIsReadThenItPointsAtThisEndpointInBothFormats() {
        JsonNode discovery = jsonOf(get("discovery.json"));
        assertThat(discovery.path("changeset").asString()).isNotBlank();
        assertThat(discovery.path("contact").asString()).isNotBlank();
        assertThat(discovery.path("key_service").asString()).isNotBlank();
        JsonNode endpoint = discovery.path("endpoints").get(0);
        assertThat(endpoint.path("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.path("url").asString()).isEqualTo("http://localhost:" + port + "/open311/v2");
        assertThat(endpoint.path("type").asString()).isEqualTo("production");
        assertThat(endpoint.path("formats").values()).extracting(JsonNode::asString)
                .containsExactly("text/xml", "application/json");

        Document xml = xml(get("discovery.xml"));
        assertThat(text(xml, "/discovery/endpoints/endpoint/specification"))
                .isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(count(xml, "/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
        assertThat(text(xml, "/discovery/key_service")).isNotBlank();
    }

    @Test
    void whenServicesAreListedThenEachSubCategoryIsAServiceInBothFormats() {
        ResponseEntity<String> response = get("services.json");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Open311Schemas.assertValid("services", response.getBody());
        JsonNode services = jsonOf(response);
        JsonNode sanitation = find(services, "service_code", "PUBLIC_HEALTH.SANITATION");
        assertThat(sanitation.path("service_name").asString()).isEqualTo("Public health: sanitation");
        assertThat(sanitation.path("metadata").asBoolean()).isTrue();
        assertThat(sanitation.path("type").asString()).isEqualTo("realtime");
        assertThat(sanitation.path("group").asString()).isEqualTo("PUBLIC_HEALTH");
        assertThat(find(services, "service_code", "INTERPERSONAL.COLLEAGUES").path("metadata").asBoolean()).isFalse();

        Document xml = xml(get("services.xml"));
        assertThat(count(xml, "/services/service")).isEqualTo(services.size());
        assertThat(text(xml, "/services/service[service_code='PUBLIC_HEALTH.SANITATION']/metadata"))
                .isEqualTo("true");
        assertThat(text(xml, "/services/service[service_code='PUBLIC_HEALTH.SANITATION']/group"))
                .isEqualTo("PUBLIC_HEALTH");
    }

    @Test
    void whenAServiceDefinitionIsReadThenItListsItsQuestionsInBothFormats() {
        ResponseEntity<String> response = get("services/PUBLIC_HEALTH.SANITATION.json");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Open311Schemas.assertValid("service-definition", response.getBody());
        JsonNode urgency = jsonOf(response).path("attributes").get(0);
        assertThat(urgency.path("code").asString()).isEqualTo("urgency");
        assertThat(urgency.path("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(urgency.path("required").asBoolean()).isFalse();
        assertThat(urgency.path("values").findValuesAsString("key")).containsExactly("NORMAL", "COMPLEX",
                "EMERGENCY");

        Document xml = xml(get("services/OTHER.GENERAL.xml"));
        assertThat(text(xml, "/service_definition/service_code")).isEqualTo("OTHER.GENERAL");
        assertThat(count(xml, "/service_definition/attributes/attribute")).isEqualTo(2);
        assertThat(text(xml, "/service_definition/attributes/attribute[code='kind']/values/value[1]/key"))
                .isEqualTo("COMPLAINT");

        ResponseEntity<String> none = get("services/INTERPERSONAL.COLLEAGUES.json");
        Open311Schemas.assertValid("service-definition", none.getBody());
        assertThat(jsonOf(none).path("attributes").size()).isZero();
    }

    @Test
    void whenAServiceIsUnknownThenItIsNotFoundInBothFormats() {
        assertError(get("services/ASTROLOGY.json"), 404, "json", "service_code ASTROLOGY");
        assertError(get("services/ASTROLOGY.xml"), 404, "xml", "service_code ASTROLOGY");
    }

    @Test
    void whenARequestIsPostedThenACaseIsOpenedAndGetRequestsFindsIt() {
        MultiValueMap<String, String> form = report(WEB_KEY, "PUBLIC_HEALTH.SANITATION");
        form.add("attribute[urgency]", "EMERGENCY");

        ResponseEntity<String> response = post("xml", form);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        Document created = xml(response);
        String id = text(created, "/service_requests/request/service_request_id");
        assertThat(id).matches("HL-\\d{8}-\\d{6}");
        assertThat(text(created, "/service_requests/request/service_notice")).contains("2 hours");
        assertThat(text(created, "/service_requests/request/account_id")).isEqualTo("123456");
        assertThat(count(created, "/service_requests/request/token")).isZero();

        ConsumerRecord<String, byte[]> record = kafka.await(r -> id.equals(
                EventCodec.decode(r.value(), CaseOpened.class).trackingNumber()));
        CaseOpened opened = EventCodec.decode(record.value(), CaseOpened.class);
        assertThat(opened.channel()).isEqualTo(Channel.WEB);
        assertThat(opened.kind()).isEqualTo(CaseKind.COMPLAINT);
        assertThat(opened.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(opened.category()).isEqualTo("PUBLIC_HEALTH");
        assertThat(opened.subCategory()).isEqualTo("SANITATION");
        assertThat(opened.caller().anonymous()).isFalse();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(NAME_LAST, EMAIL, "139 0000 4242",
                "13900004242");

        ResponseEntity<String> list = get("requests.json?service_code=PUBLIC_HEALTH.SANITATION&status=open");
        Open311Schemas.assertValid("requests", list.getBody());
        JsonNode request = find(jsonOf(list), "service_request_id", id);
        assertThat(request.path("status").asString()).isEqualTo("open");
        assertThat(request.path("service_code").asString()).isEqualTo("PUBLIC_HEALTH.SANITATION");
        assertThat(request.path("service_name").asString()).isEqualTo("Public health: sanitation");
        assertThat(request.path("description").asString()).isEqualTo("Rubbish bins overflowing for three days");
        assertThat(request.path("address").asString()).isEqualTo("1 Renmin Road, Huangpu, Shanghai");
        assertThat(request.path("lat").asDouble()).isEqualTo(31.2304);
        assertThat(request.path("long").asDouble()).isEqualTo(121.4737);
        assertThat(request.path("media_url").asString()).isEqualTo("http://media.example.org/requests/42.jpg");
        assertThat(request.path("requested_datetime").asString()).endsWith("+08:00");
        assertThat(request.path("expected_datetime").asString()).isNotBlank();

        ResponseEntity<String> one = get("requests/{id}.json", id);
        Open311Schemas.assertValid("requests", one.getBody());
        assertThat(jsonOf(one).size()).isEqualTo(1);
        Document oneXml = xml(get("requests/{id}.xml", id));
        assertThat(text(oneXml, "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(text(oneXml, "/service_requests/request/status")).isEqualTo("open");
        assertThat(text(oneXml, "/service_requests/request/long")).isEqualTo("121.4737");
        assertThat(count(oneXml, "/service_requests/request/zipcode")).isEqualTo(1);

        assertThat(jsonOf(get("requests.json?status=closed")).findValuesAsString("service_request_id"))
                .doesNotContain(id);
        assertThat(jsonOf(get("requests.json?service_code=LIVING.HOUSING")).findValuesAsString("service_request_id"))
                .doesNotContain(id);
        assertThat(jsonOf(get("requests.json?service_request_id={ids}", id + ",HL-19990101-000001"))
                .findValuesAsString("service_request_id")).containsExactly(id);
    }

    @Test
    void whenAnAnonymousReportComesFromTheAppAsJsonThenItIsAnAppCaseWithoutCallerAndFoundByItsAddressId() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", APP_KEY);
        form.add("service_code", "POLICY.BENEFITS");
        form.add("address_id", "545483");
        form.add("attribute[kind]", "CONSULTATION");

        ResponseEntity<String> response = post("json", form);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode created = jsonOf(response).get(0);
        String id = created.path("service_request_id").asString();
        assertThat(created.path("account_id").isNull()).isTrue();
        CaseOpened opened = EventCodec.decode(kafka.await(r -> id.equals(
                EventCodec.decode(r.value(), CaseOpened.class).trackingNumber())).value(), CaseOpened.class);
        assertThat(opened.channel()).isEqualTo(Channel.APP);
        assertThat(opened.kind()).isEqualTo(CaseKind.CONSULTATION);
        assertThat(opened.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(opened.caller().anonymous()).isTrue();

        Document xml = xml(get("requests/{id}.xml", id));
        assertThat(text(xml, "/service_requests/request/address_id")).isEqualTo("545483");
        assertThat(text(xml, "/service_requests/request/description")).isEqualTo("Policy: benefits");
        Open311Schemas.assertValid("requests", get("requests/{id}.json", id).getBody());
    }

    @Test
    void whenTheApiKeyIsMissingOrUnknownThenItIsForbiddenInBothFormats() {
        assertError(post("xml", report(null, "PUBLIC_HEALTH.SANITATION")), 403, "xml", "api_key");
        assertError(post("json", report(null, "PUBLIC_HEALTH.SANITATION")), 403, "json", "api_key");
        assertError(post("json", report("xyz", "PUBLIC_HEALTH.SANITATION")), 403, "json", "api_key");
    }

    @Test
    void whenTheServiceCodeIsMissingOrUnknownThenTheSpecsErrorsComeInBothFormats() {
        MultiValueMap<String, String> missing = report(WEB_KEY, null);
        missing.remove("service_code");
        assertError(post("xml", missing), 400, "xml", "service_code");
        assertError(post("json", missing), 400, "json", "service_code");
        assertError(post("xml", report(WEB_KEY, "ASTROLOGY")), 404, "xml", "service_code");
        assertError(post("json", report(WEB_KEY, "ASTROLOGY")), 404, "json", "service_code");
    }

    @Test
    void whenTheReportIsInvalidThenItIsABadRequestNamingTheField() {
        MultiValueMap<String, String> noLocation = report(WEB_KEY, "LIVING.HOUSING");
        noLocation.remove("lat");
        noLocation.remove("long");
        noLocation.remove("address_string");
        assertError(post("json", noLocation), 400, "json", "address_string");

        MultiValueMap<String, String> badAttribute = report(WEB_KEY, "LIVING.HOUSING");
        badAttribute.add("attribute[urgency]", "WHENEVER");
        assertError(post("xml", badAttribute), 400, "xml", "attribute[urgency]");

        MultiValueMap<String, String> badEmail = report(WEB_KEY, "LIVING.HOUSING");
        badEmail.set("email", "not-an-address");
        assertError(post("json", badEmail), 400, "json", "email");
        assertThat(bodies.get(bodies.size() - 1)).doesNotContain("not-an-address");
    }

    @Test
    void whenTheDateRangeIsWrongThenGetRequestsIsABadRequestInBothFormats() {
        assertError(get("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"), 400,
                "json", "90 days");
        assertError(get("requests.xml?start_date=yesterday"), 400, "xml", "start_date");
        assertError(get("requests.xml?status=pending"), 400, "xml", "status");
    }

    @Test
    void whenARequestIsUnknownThenItIsNotFoundInBothFormats() {
        assertError(get("requests/HL-19990101-000001.json"), 404, "json", "HL-19990101-000001");
        assertError(get("requests/HL-19990101-000001.xml"), 404, "xml", "HL-19990101-000001");
    }

    @Test
    void whenAClientRetriesWithTheSameIdempotencyKeyThenTheFirstRequestIsReturned() {
        List<String> ids = new ArrayList<>();
        for (int attempt = 0; attempt < 2; attempt++) {
            ResponseEntity<String> response = http.post().uri("/open311/v2/requests.json")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).header("Idempotency-Key", "app-7-report-1")
                    .body(report(APP_KEY, "LIVING.UTILITIES")).retrieve().toEntity(String.class);
            bodies.add(response.getBody());
            ids.add(jsonOf(response).get(0).path("service_request_id").asString());
        }
        assertThat(ids.get(1)).isEqualTo(ids.get(0));
    }

    @Test
    void whenATokenIsLookedUpThenItGivesTheServiceRequestId() {
        String id = jsonOf(post("json", report(WEB_KEY, "WORK.SAFETY"))).get(0).path("service_request_id")
                .asString();

        JsonNode token = jsonOf(get("tokens/{token}.json", id)).get(0);
        assertThat(token.path("service_request_id").asString()).isEqualTo(id);
        assertThat(token.path("token").asString()).isEqualTo(id);
        Document xml = xml(get("tokens/{token}.xml", id));
        assertThat(text(xml, "/service_requests/request/token")).isEqualTo(id);
        assertError(get("tokens/12345.xml"), 404, "xml", "token");
    }

    @Test
    void whenACaseCameByPhoneThenOpen311DoesNotShowIt() {
        ResponseEntity<String> created = http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"channel":"PHONE","kind":"COMPLAINT","category":"LIVING","urgency":"NORMAL",
                         "description":"Neighbour noise","caller":{"anonymous":true}}""")
                .retrieve().toEntity(String.class);
        String trackingNumber = json.readTree(created.getBody()).path("trackingNumber").asString();

        assertError(get("requests/{id}.json", trackingNumber), 404, "json", trackingNumber);
        assertThat(jsonOf(get("requests.json")).findValuesAsString("service_request_id"))
                .doesNotContain(trackingNumber);
    }

    @Test
    void whenTheResourceIsUnknownThenItIsNotFoundInOpen311FormatWhileTheCaseApiKeepsProblemDetails() {
        assertError(get("potholes.json"), 404, "json", "No such Open311 resource");
        assertError(get("services.csv"), 404, "xml", "No such Open311 resource");

        ResponseEntity<String> caseApi = http.get().uri("/api/cases/nope").retrieve().toEntity(String.class);
        assertThat(caseApi.getStatusCode().value()).isEqualTo(404);
        assertThat(caseApi.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void whenTheFormIsNotFormEncodedThenItIsStillAnOpen311Error() {
        ResponseEntity<String> response = http.post().uri("/open311/v2/requests.json")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("api_key", WEB_KEY)).retrieve()
                .toEntity(String.class);
        assertError(response, 403, "json", "api_key");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array.values()) {
            if (value.equals(item.path(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + " " + value + " in " + array);
    }
}
