package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoTrafficTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    private static final Set<String> CASE_FIELDS = Set.of("channel", "kind", "category", "subCategory", "urgency",
            "description", "caller", "location", "operatorId", "ringStartedAt", "answeredAt");
    private static final Set<String> CALLER_FIELDS = Set.of("name", "phone", "email", "organisation", "anonymous",
            "preferredFeedbackChannel");

    private final DemoTraffic traffic = new DemoTraffic(new Random(42), Clock.fixed(NOW, ZoneOffset.UTC));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void casesAreWellFormed() {
        for (int i = 0; i < 1_000; i++) {
            JsonNode body = json.readTree(json.writeValueAsString(traffic.nextCase()));

            assertThat(fieldNames(body)).isEqualTo(CASE_FIELDS);
            assertThat(DemoTraffic.CHANNELS).contains(body.get("channel").asString());
            assertThat(DemoTraffic.KINDS).contains(body.get("kind").asString());
            assertThat(DemoTraffic.URGENCIES).contains(body.get("urgency").asString());
            String category = body.get("category").asString();
            assertThat(DemoTraffic.CATEGORIES).contains(category);
            JsonNode subCategory = body.get("subCategory");
            if (!subCategory.isNull()) {
                assertThat(DemoTraffic.SUB_CATEGORIES.get(category)).contains(subCategory.asString());
            }
            assertThat(body.get("description").asString()).isNotBlank();
            assertThat(body.get("operatorId").asString()).matches("op-\\d{3}");

            Instant ring = Instant.parse(body.get("ringStartedAt").asString());
            Instant answered = Instant.parse(body.get("answeredAt").asString());
            assertThat(answered).isEqualTo(NOW);
            assertThat(ring).isBeforeOrEqualTo(answered);

            JsonNode caller = body.get("caller");
            assertThat(fieldNames(caller)).isEqualTo(CALLER_FIELDS);
            if (caller.get("anonymous").asBoolean()) {
                assertThat(caller.get("name").isNull()).isTrue();
                assertThat(caller.get("phone").isNull()).isTrue();
            } else {
                assertThat(caller.get("name").asString()).isNotBlank();
                assertThat(caller.get("phone").asString()).matches("1[3-9]\\d{9}");
                assertThat(DemoTraffic.FEEDBACK_CHANNELS).contains(caller.get("preferredFeedbackChannel").asString());
            }

            JsonNode location = body.get("location");
            assertThat(fieldNames(location)).containsExactlyInAnyOrder("address", "latitude", "longitude");
            assertThat(location.get("latitude").asDouble()).isBetween(31.0, 31.5);
            assertThat(location.get("longitude").asDouble()).isBetween(121.3, 121.6);
        }
    }

    @Test
    void trafficIsVaried() {
        List<DemoTraffic.CaseRequest> cases = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            cases.add(traffic.nextCase());
        }

        assertThat(cases).extracting(DemoTraffic.CaseRequest::channel).containsAll(DemoTraffic.CHANNELS);
        assertThat(cases).extracting(DemoTraffic.CaseRequest::kind).containsAll(DemoTraffic.KINDS);
        assertThat(cases).extracting(DemoTraffic.CaseRequest::category).containsAll(DemoTraffic.CATEGORIES);
        long emergencies = cases.stream().filter(c -> c.urgency().equals("EMERGENCY")).count();
        assertThat(emergencies).isBetween(20L, 90L);
        long anonymous = cases.stream().filter(c -> c.caller().anonymous()).count();
        assertThat(anonymous).isBetween(40L, 180L);
        long chinese = cases.stream().filter(c -> c.description().codePoints()
                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).count();
        assertThat(chinese).isBetween(500L, 800L);
    }

    @Test
    void resultsAndCallbacksAreWellFormed() {
        Set<String> satisfactions = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            JsonNode result = json.readTree(json.writeValueAsString(traffic.result("case-1", "HOUSING-BUREAU")));
            assertThat(fieldNames(result)).containsExactlyInAnyOrder("caseId", "departmentCode", "summary", "measures");
            assertThat(result.get("caseId").asString()).isEqualTo("case-1");
            assertThat(result.get("departmentCode").asString()).isEqualTo("HOUSING-BUREAU");
            assertThat(result.get("summary").asString()).isNotBlank();
            assertThat(result.get("measures").asString()).isNotBlank();

            JsonNode callback = json.readTree(json.writeValueAsString(traffic.callback("case-1")));
            assertThat(fieldNames(callback)).containsExactlyInAnyOrder("caseId", "reached", "satisfaction", "score",
                    "comment", "operatorId");
            assertThat(callback.get("score").asInt()).isBetween(1, 5);
            assertThat(callback.get("operatorId").asString()).startsWith("op-");
            assertThat(DemoTraffic.SATISFACTIONS).contains(callback.get("satisfaction").asString());
            assertThat(callback.get("comment").asString()).isNotBlank();
            satisfactions.add(callback.get("satisfaction").asString());
        }
        assertThat(satisfactions).containsExactlyInAnyOrderElementsOf(DemoTraffic.SATISFACTIONS);
    }

    @Test
    void everyCategoryHasItsSubCategories() {
        assertThat(DemoTraffic.SUB_CATEGORIES.keySet()).containsExactlyInAnyOrderElementsOf(DemoTraffic.CATEGORIES);
        assertThat(DemoTraffic.SUB_CATEGORIES.get("LIVING"))
                .containsExactly("HOUSING", "TRANSPORT", "MEDICAL", "EDUCATION", "FAMILY", "UTILITIES");
    }

    private static Set<String> fieldNames(JsonNode node) {
        return new HashSet<>(node.propertyNames());
    }
}
