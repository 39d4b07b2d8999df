package org.hotline.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.testsupport.EndpointSecurity;
import org.hotline.testsupport.HotlineServiceTest;
import org.hotline.testsupport.TestHttp;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens and roles on every intake endpoint; the caller's contact revealed only as the rules allow, and audited. */
@HotlineServiceTest
class IntakeSecurityIT {

    static final String CASE = """
            {"channel":"PHONE","kind":"COMPLAINT","category":"LIVING","urgency":"NORMAL",
             "description":"Heating off in block 3",
             "caller":{"name":"Wang Fang","phone":"13912349876","email":"wang.fang@example.org",
                       "organisation":"Block 3 residents","anonymous":false,"preferredFeedbackChannel":"SMS"},
             "operatorId":"op-007"}
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext applicationContext;

    final JsonMapper json = JsonMapper.builder().build();

    RestClient as(String token) {
        return TestHttp.client(port, token);
    }

    static String role(String role) {
        return TestTokens.token(role.toLowerCase() + "-1", null, role);
    }

    static String department(String code) {
        return TestTokens.token("dept-" + code, code, "DEPARTMENT");
    }

    String caseId;

    @BeforeEach
    void openACase() {
        ResponseEntity<String> created = as(TestTokens.token("front-desk", null, "INTEGRATION")).post()
                .uri("/api/cases").contentType(MediaType.APPLICATION_JSON).body(CASE).retrieve()
                .toEntity(String.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        caseId = json.readTree(created.getBody()).get("caseId").asString();
    }

    int status(String token, String method, String path, String body) {
        RestClient.RequestBodySpec request = as(token).method(HttpMethod.valueOf(method))
                .uri(path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    @Test
    void whenAnyEndpointIsCalledWithoutAValidTokenOrRoleThenItIsRefused() {
        EndpointSecurity.assertTokensAndRolesAreRequired(applicationContext, port, List.of("/open311"), "/api/taxonomy*");
    }

    @Test
    void whenNoOrABadTokenIsGivenThenEveryCaseEndpointAnswers401WithAProblem() {
        for (String token : new String[] { null, TestTokens.expired("OPERATOR"), TestTokens.badlySigned("OPERATOR"),
                TestTokens.otherIssuer("OPERATOR"), "not-a-jwt" }) {
            assertThat(status(token, "POST", "/api/cases", CASE)).isEqualTo(401);
            assertThat(status(token, "GET", "/api/cases/" + caseId, null)).isEqualTo(401);
            assertThat(status(token, "GET", "/api/cases/" + caseId + "/contact?reason=x", null)).isEqualTo(401);
            assertThat(status(token, "GET", "/api/taxonomy", null)).isEqualTo(401);
            assertThat(status(token, "GET", "/api/audit", null)).isEqualTo(401);
        }
        ResponseEntity<String> refused = as(null).get().uri("/api/cases/" + caseId).retrieve().toEntity(String.class);
        assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.has("properties")).isFalse();
    }

    @Test
    void whenARoleIsNotMeantForAnEndpointThenItGets403() {
        assertThat(status(role("ANALYST"), "POST", "/api/cases", CASE)).isEqualTo(403);
        assertThat(status(department("FACILITIES"), "POST", "/api/cases", CASE)).isEqualTo(403);
        assertThat(status(role("ANALYST"), "GET", "/api/cases/" + caseId, null)).isEqualTo(403);
        assertThat(status(department("FACILITIES"), "GET", "/api/cases/" + caseId, null)).isEqualTo(403);
        assertThat(status(role("OPERATOR"), "POST", "/api/admin/taxonomy/categories", "{}")).isEqualTo(403);
        assertThat(status(role("OPERATOR"), "GET", "/api/audit", null)).isEqualTo(403);
        assertThat(status(role("ANALYST"), "GET", "/api/cases/" + caseId + "/contact?reason=x", null))
                .isEqualTo(403);
        assertThat(status(role("OPERATOR"), "POST", "/api/cases/" + caseId + "/contact-reveals",
                "{\"department\":\"FACILITIES\",\"reason\":\"x\"}")).isEqualTo(403);
        // and the roles that are meant for them pass
        assertThat(status(role("OPERATOR"), "GET", "/api/cases/" + caseId, null)).isEqualTo(200);
        assertThat(status(role("SUPERVISOR"), "GET", "/api/cases/" + caseId, null)).isEqualTo(200);
        assertThat(status(role("ANALYST"), "GET", "/api/taxonomy", null)).isEqualTo(200);
    }

    @Test
    void whenNoTokenIsGivenThenHealthDocumentsAndOpen311StayOpen() {
        assertThat(status(null, "GET", "/actuator/health/readiness", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/actuator/prometheus", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/v3/api-docs", null)).isEqualTo(200);
        assertThat(status(null, "GET", "/open311/v2/services.json", null)).isEqualTo(200);
    }

    @Test
    void whenAnOperatorReadsTheContactThenItIsDecryptedAndTheReadIsAudited() {
        ResponseEntity<String> contact = as(role("OPERATOR")).get()
                .uri("/api/cases/{id}/contact?reason={r}", caseId, "Calling back about the heating").retrieve()
                .toEntity(String.class);

        assertThat(contact.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(contact.getBody()).get("phone").asString()).isEqualTo("13912349876");
        JsonNode audit = json.readTree(as(role("ADMIN")).get().uri("/api/audit?caseId={id}", caseId).retrieve()
                .body(String.class));
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("CONTACT_READ");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo("operator-1");
        assertThat(audit.get(0).get("roles").asString()).isEqualTo("OPERATOR");
        assertThat(audit.get(0).get("reason").asString()).isEqualTo("Calling back about the heating");
        assertThat(audit.toString()).doesNotContain("13912349876", "Wang Fang", "wang.fang@example.org",
                "Block 3 residents");
    }

    @Test
    void whenADepartmentAsksForTheContactThenOnlyASupervisorsApprovalForItsDepartmentLetsItRead() {
        String contactUri = "/api/cases/" + caseId + "/contact?reason=site%20visit";
        assertThat(status(department("FACILITIES"), "GET", contactUri, null)).isEqualTo(403);

        assertThat(status(role("SUPERVISOR"), "POST", "/api/cases/" + caseId + "/contact-reveals",
                "{\"department\":\"FACILITIES\",\"reason\":\"Needs access to the flat\"}")).isEqualTo(201);

        assertThat(status(department("FACILITIES"), "GET", contactUri, null)).isEqualTo(200);
        assertThat(status(department("LOGISTICS"), "GET", contactUri, null)).isEqualTo(403);
        JsonNode audit = json.readTree(as(role("ADMIN")).get().uri("/api/audit?caseId={id}", caseId).retrieve()
                .body(String.class));
        assertThat(audit).extracting(entry -> entry.get("action").asString())
                .containsExactly("CONTACT_READ", "CONTACT_REVEAL_APPROVED");
        assertThat(audit.get(0).get("department").asString()).isEqualTo("FACILITIES");
        assertThat(audit.get(1).get("actor").asString()).isEqualTo("supervisor-1");
    }

    @Test
    void whenTheReasonIsMissingThenNothingIsRevealed() {
        assertThat(status(role("OPERATOR"), "GET", "/api/cases/" + caseId + "/contact", null)).isEqualTo(400);
    }
}
