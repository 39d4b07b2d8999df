package org.hotline.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.testsupport.HotlineServiceTest;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and malformed requests to the case API and Open311 (jqwik generators): mutated case bodies, random bytes,
 * odd content types and encodings, random headers and form fields. None may get a 5xx, and only the requests
 * answered as created may leave a case behind.
 */
@HotlineServiceTest
class IntakeFuzzIT {

    static final int REQUESTS = 600;

    static final String VALID_CASE = """
            {"channel":"PHONE","kind":"COMPLAINT","category":"LIVING","subCategory":null,"urgency":"NORMAL",
             "description":"Heating off in block 3",
             "caller":{"name":"Wang Fang","phone":"13912349876","email":"wang.fang@example.org",
                       "organisation":"Residents","anonymous":false,"preferredFeedbackChannel":"SMS"},
             "location":{"address":"3 Wuding Road","latitude":31.23,"longitude":121.47},
             "attachments":["https://files.example.org/a.jpg"],"operatorId":"op-007",
             "ringStartedAt":"2026-11-23T01:29:51Z","answeredAt":"2026-11-23T01:29:56Z"}
            """;

    /** One generated request. */
    record Fuzzed(String kind, HttpMethod method, String path, String contentType, byte[] body,
            Map<String, String> headers) {

        boolean mayCreate() {
            return method == HttpMethod.POST;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void whenRandomAndMalformedRequestsArriveThenNoneGets5xxAndOnlyCreatedOnesAreStored() {
        RestClient http = TestHttp.client(port);
        long before = mongo.getCollection("cases").countDocuments();
        AtomicInteger created = new AtomicInteger();
        List<String> serverErrors = new ArrayList<>();
        Map<Integer, AtomicInteger> statuses = new java.util.TreeMap<>();

        requests().sampleStream().limit(REQUESTS).forEach(request -> {
            RestClient.RequestBodySpec spec = http.method(request.method()).uri(request.path());
            request.headers().forEach(spec::header);
            if (request.contentType() != null) {
                spec.header("Content-Type", request.contentType());
            }
            if (request.body() != null) {
                spec.body(request.body());
            }
            int status;
            try {
                status = spec.retrieve().toBodilessEntity().getStatusCode().value();
            }
            catch (IllegalArgumentException ex) {
                return; // the HTTP client itself refused to send it (e.g. a header it cannot encode)
            }
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status >= 500) {
                serverErrors.add(status + " for " + request.kind() + " " + request.method() + " " + request.path()
                        + " " + request.contentType());
            }
            if (request.mayCreate() && (status == 201 || request.path().startsWith("/open311") && status == 200)) {
                created.incrementAndGet();
            }
        });

        assertThat(serverErrors).as("requests answered with a server error").isEmpty();
        assertThat(mongo.getCollection("cases").countDocuments() - before)
                .as("cases stored, against requests answered as created; statuses " + statuses)
                .isEqualTo(created.get());
        assertThat(statuses.keySet()).as("the generators reach both acceptance and refusal").contains(201, 400);
    }

    Arbitrary<Fuzzed> requests() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, mutatedCases()),
                net.jqwik.api.Tuple.of(2, randomBodies()),
                net.jqwik.api.Tuple.of(2, open311Posts()),
                net.jqwik.api.Tuple.of(1, open311Queries()));
    }

    /** A valid case with one to three fields replaced, removed or added, sent in some encoding. */
    Arbitrary<Fuzzed> mutatedCases() {
        Arbitrary<String> field = Arbitraries.of("channel", "kind", "category", "subCategory", "urgency",
                "description", "caller", "location", "attachments", "operatorId", "ringStartedAt", "answeredAt",
                "arrivedAt", "receivedAt", "answer", "supervisionComplaint", "externalReference", "caller.name",
                "caller.phone", "caller.email", "caller.anonymous", "caller.preferredFeedbackChannel",
                "location.latitude", "location.longitude", "location.address", "unexpected");
        Arbitrary<JsonNode> value = jsonValues();
        Arbitrary<Mutation> mutation = Combinators.combine(field, value, Arbitraries.integers().between(0, 2))
                .as(Mutation::new);
        return Combinators.combine(mutation.list().ofMinSize(0).ofMaxSize(3), charsets(), contentTypes(),
                idempotencyKeys()).as((mutations, charset, contentType, key) -> {
                    ObjectNode body = (ObjectNode) json.readTree(VALID_CASE);
                    mutations.forEach(m -> m.apply(body));
                    Map<String, String> headers = key == null ? Map.of() : Map.of("Idempotency-Key", key);
                    return new Fuzzed("case", HttpMethod.POST, "/api/cases", contentType,
                            body.toString().getBytes(charset), headers);
                });
    }

    /** Bytes that are rarely JSON at all: truncated cases, random text, random bytes. */
    Arbitrary<Fuzzed> randomBodies() {
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, VALID_CASE.length())
                .map(n -> VALID_CASE.substring(0, n).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(2000)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> deep = Arbitraries.integers().between(1, 5000)
                .map(depth -> ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8));
        return Combinators.combine(Arbitraries.oneOf(truncated, text, bytes, deep), contentTypes(),
                Arbitraries.of("/api/cases", "/api/cases/", "/api/cases/x", "/api/cases?phone=1"))
                .as((body, contentType, path) -> new Fuzzed("bytes", HttpMethod.POST, path, contentType, body,
                        Map.of()));
    }

    /** Open311 service requests with random fields, keys and formats. */
    Arbitrary<Fuzzed> open311Posts() {
        Arbitrary<String> name = Arbitraries.of("api_key", "service_code", "lat", "long", "address_string",
                "address_id", "email", "device_id", "account_id", "first_name", "last_name", "phone",
                "description", "media_url", "attribute[WHERE]", "attribute[]", "jurisdiction_id", "x");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of("dev-open311-web-key", "PUBLIC_HEALTH.SANITATION", "LIVING", "31.2304", "121.4737",
                        "NaN", "1e400", "-91", "http://media.example.org/1.jpg", "javascript:alert(1)", ""));
        Arbitrary<String> form = Combinators.combine(name, value).as((n, v) -> enc(n) + "=" + enc(v)).list()
                .ofMaxSize(12).map(pairs -> String.join("&", pairs));
        Arbitrary<String> validPrefix = Arbitraries.of("", "api_key=dev-open311-web-key&service_code="
                + "PUBLIC_HEALTH.SANITATION&lat=31.2&long=121.4&description=Bins&");
        return Combinators.combine(validPrefix, form, Arbitraries.of("json", "xml", "yaml", ""),
                Arbitraries.of("application/x-www-form-urlencoded", "application/json", "text/plain",
                        "multipart/form-data; boundary=x"))
                .as((prefix, fields, format, contentType) -> new Fuzzed("open311", HttpMethod.POST,
                        "/open311/v2/requests" + (format.isEmpty() ? "" : "." + format), contentType,
                        (prefix + fields).getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** Open311 reads with random filters. */
    Arbitrary<Fuzzed> open311Queries() {
        Arbitrary<String> query = Combinators.combine(
                Arbitraries.of("service_request_id", "service_code", "start_date", "end_date", "status", "x"),
                Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(100),
                        Arbitraries.of("2026-11-23T00:00:00Z", "open", "closed", "HL-20261123-000001", "1,2,3")))
                .as((n, v) -> enc(n) + "=" + enc(v)).list().ofMaxSize(5).map(pairs -> String.join("&", pairs));
        return Combinators.combine(Arbitraries.of("requests.json", "requests.xml", "services.json",
                "services/LIVING.json", "requests/HL-1.json", "tokens/x.xml", "discovery.json"), query)
                .as((path, q) -> new Fuzzed("open311-get", HttpMethod.GET, "/open311/v2/" + path + "?" + q, null,
                        null, Map.of()));
    }

    Arbitrary<JsonNode> jsonValues() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(500).map(s -> json.getNodeFactory().textNode(s)),
                Arbitraries.strings().withCharRange('A', 'Z').ofMaxLength(20).map(s -> json.getNodeFactory()
                        .textNode(s)),
                Arbitraries.longs().map(n -> json.getNodeFactory().numberNode(n)),
                Arbitraries.doubles().map(d -> json.getNodeFactory().numberNode(d)),
                Arbitraries.of(true, false).map(b -> json.getNodeFactory().booleanNode(b)),
                Arbitraries.just(json.getNodeFactory().nullNode()),
                Arbitraries.strings().ofLength(60_000).withChars('x').map(s -> json.getNodeFactory().textNode(s)));
        return Arbitraries.oneOf(scalars,
                scalars.list().ofMaxSize(4).map(list -> {
                    var array = json.createArrayNode();
                    list.forEach(array::add);
                    return array;
                }),
                scalars.map(v -> {
                    ObjectNode object = json.createObjectNode();
                    object.set("nested", v);
                    return object;
                }));
    }

    static Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.UTF_8, StandardCharsets.UTF_16,
                StandardCharsets.ISO_8859_1);
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json", "application/json; charset=UTF-8",
                "application/json; charset=ISO-8859-1", "application/json; charset=nonsense", "text/plain",
                "application/xml", "application/x-www-form-urlencoded", "x/y;;;", null);
    }

    static Arbitrary<String> idempotencyKeys() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().ascii().ofMaxLength(300)
                .filter(s -> s.chars().noneMatch(c -> c < 0x20 || c == 0x7f)));
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Replaces (0), removes (1) or wraps in an array (2) one field, possibly inside caller or location. */
    record Mutation(String field, JsonNode value, int operation) {

        void apply(ObjectNode body) {
            ObjectNode target = body;
            String name = field;
            int dot = field.indexOf('.');
            if (dot > 0) {
                JsonNode parent = body.get(field.substring(0, dot));
                if (!(parent instanceof ObjectNode object)) {
                    return;
                }
                target = object;
                name = field.substring(dot + 1);
            }
            switch (operation) {
                case 0 -> target.set(name, value);
                case 1 -> target.remove(name);
                default -> {
                    JsonNode old = target.get(name);
                    target.set(name, old == null ? value : target.arrayNode().add(old));
                }
            }
        }
    }
}
