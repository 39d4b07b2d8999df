package org.hotline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevAuthServerIT {

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();

    RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    ResponseEntity<String> token(String client, String secret) {
        return http().post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(client, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .retrieve().toEntity(String.class);
    }

    JsonNode claims(ResponseEntity<String> response) {
        String accessToken = json.readTree(response.getBody()).get("access_token").asString();
        String payload = accessToken.split("\\.")[1];
        return json.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    @Test
    void whenADepartmentClientAsksThenItsTokenNamesItsRoleAndDepartment() {
        ResponseEntity<String> response = token("dept-facilities", "dept-facilities-secret");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode claims = claims(response);
        assertThat(claims.get("roles").toString()).isEqualTo("[\"DEPARTMENT\"]");
        assertThat(claims.get("department").asString()).isEqualTo("FACILITIES");
        assertThat(claims.get("sub").asString()).isEqualTo("dept-facilities");
        assertThat(claims.get("iss").asString()).isEqualTo("http://localhost:9000");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void whenTheFrontDeskAsksThenItsTokenHasItsRolesAndNoDepartment() {
        JsonNode claims = claims(token("front-desk", "front-desk-secret"));

        assertThat(claims.get("roles").toString()).isEqualTo("[\"INTEGRATION\",\"OPERATOR\"]");
        assertThat(claims.has("department")).isFalse();
    }

    @Test
    void whenTheSecretIsWrongOrTheClientUnknownThenNoTokenIsIssued() {
        assertThat(token("supervisor", "guess").getStatusCode().value()).isEqualTo(401);
        assertThat(token("nobody", "nobody-secret").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void whenAServiceFetchesTheSigningKeysThenTheyArePublic() {
        ResponseEntity<String> jwks = http().get().uri("/oauth2/jwks").retrieve().toEntity(String.class);
        ResponseEntity<String> metadata = http().get().uri("/.well-known/openid-configuration").retrieve()
                .toEntity(String.class);

        assertThat(jwks.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(jwks.getBody()).get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(metadata.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readValue(metadata.getBody(), Map.class)).containsEntry("issuer", "http://localhost:9000")
                .containsEntry("jwks_uri", "http://localhost:9000/oauth2/jwks");
    }

    @Test
    void whenTheDevStackProbesReadinessThenNoLoginIsNeeded() {
        assertThat(http().get().uri("/actuator/health/readiness").retrieve().toEntity(String.class).getStatusCode()
                .value()).isEqualTo(200);
    }
}
