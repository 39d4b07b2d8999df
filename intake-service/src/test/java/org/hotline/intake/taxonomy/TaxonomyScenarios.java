package org.hotline.intake.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;

import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.mongodb.client.MongoClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in ({@link TaxonomyIT}) and on the real
 * images ({@link TaxonomyRealImagesIT}). The service context is shared with other scenarios, so every scenario
 * that changes the taxonomy works on categories of its own.
 */
abstract class TaxonomyScenarios {

    static final String ADMIN = "/api/admin/taxonomy/categories";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    TaxonomyStore store;

    @Autowired
    Taxonomy taxonomy;

    RestClient http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
    }

    static String uniqueCode(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    ResponseEntity<String> send(String method, String uri, String body) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    ResponseEntity<String> createCategory(String code) {
        return send("POST", ADMIN, """
                {"code":"%s","name":{"zh":"食堂","en":"Canteen"},
                 "description":{"zh":"員工食堂的飯菜與衛生","en":"Food and hygiene in the staff canteen"}}"""
                .formatted(code));
    }

    ResponseEntity<String> addSubCategory(String category, String code) {
        return send("POST", ADMIN + "/" + category + "/subcategories", """
                {"code":"%s","name":{"zh":"食品衛生","en":"Food hygiene"},"hints":{"defaultUrgency":"COMPLEX"}}"""
                .formatted(code));
    }

    ResponseEntity<String> postCase(String category, String subCategory) {
        return postCase(category, subCategory, null);
    }

    ResponseEntity<String> postCase(String category, String subCategory, String idempotencyKey) {
        RestClient.RequestBodySpec request = http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body("""
                {"channel":"PHONE","kind":"COMPLAINT","category":"%s","subCategory":%s,"urgency":"NORMAL",
                 "description":"Cold food in the canteen",
                 "caller":{"anonymous":true}}""".formatted(category,
                subCategory == null ? "null" : "\"" + subCategory + "\"")).retrieve().toEntity(String.class);
    }

    JsonNode tree() {
        return json.readTree(http.get().uri("/api/taxonomy").retrieve().body(String.class));
    }

    JsonNode body(ResponseEntity<String> response) {
        return json.readTree(response.getBody());
    }

    void assertProblem(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(body(response).path("status").asInt()).isEqualTo(status);
    }

    @Test
    void whenTheServiceStartedOnAnEmptyStoreThenTheDefaultTaxonomyWasSeeded() {
        JsonNode tree = tree();

        assertThat(tree.propertyNames()).contains("WORK", "LIVING", "INTERPERSONAL", "POLICY", "PUBLIC_HEALTH",
                "OTHER", "HOTLINE_SERVICE");
        JsonNode health = tree.path("PUBLIC_HEALTH");
        assertThat(health.path("name").path("zh").asString()).isEqualTo("愛國衛生類");
        assertThat(health.path("name").path("en").asString()).isEqualTo("Public health");
        assertThat(health.path("active").asBoolean()).isTrue();
        assertThat(health.path("subCategories").findValuesAsString("code")).contains("SANITATION",
                "DISEASE_VECTORS", "HEALTH_HAZARDS");
        assertThat(tree.path("HOTLINE_SERVICE").path("subCategories").findValuesAsString("code"))
                .containsExactly("RUDENESS", "NO_REPLY", "OTHER");
        assertThat(taxonomy.knows("WORK", "SAFETY")).isTrue();
        assertThat(json.readTree(http.get().uri("/api/taxonomy/codes").retrieve().body(String.class))
                .path("OTHER").valueStream().map(JsonNode::asString)).contains("EMERGENCY", "GENERAL");
    }

    @Test
    void whenAStoreIsEmptyThenTheDefaultsAreSeededOnceAndOperatorsChangesAreNeverOverwritten() {
        String database = "taxonomy-seed-" + UUID.randomUUID();
        MongoTemplate empty = new MongoTemplate(mongoClient, database);
        try {
            TaxonomyStore other = new TaxonomyStore(empty);
            TaxonomySeeder seeder = new TaxonomySeeder(other, new ClassPathResource("taxonomy/default-taxonomy.json"));

            assertThat(seeder.seedIfEmpty()).isEqualTo(7);
            Category living = other.find("LIVING").orElseThrow();
            living.changeSubCategory("FAMILY", new LocalizedText("家屬", "Relatives"), null, false, null);
            other.save(living);

            assertThat(seeder.seedIfEmpty()).isZero();
            SubCategory family = other.find("LIVING").orElseThrow().subCategory("FAMILY").orElseThrow();
            assertThat(family.active()).isFalse();
            assertThat(family.name().en()).isEqualTo("Relatives");
            assertThat(other.all()).extracting(Category::getCode).containsExactly("WORK", "LIVING", "INTERPERSONAL",
                    "POLICY", "PUBLIC_HEALTH", "OTHER", "HOTLINE_SERVICE");
        }
        finally {
            mongoClient.getDatabase(database).drop();
        }
    }

    @Test
    void whenACategoryIsCreatedThenItIsListedAndNewCasesMayUseIt() {
        String code = uniqueCode("CANTEEN");
        assertThat(postCase(code, null).getStatusCode().value()).isEqualTo(422);

        ResponseEntity<String> created = createCategory(code);
        ResponseEntity<String> withSub = addSubCategory(code, "FOOD_HYGIENE");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString(ADMIN + "/" + code);
        assertThat(body(created).path("active").asBoolean()).isTrue();
        assertThat(withSub.getStatusCode().value()).isEqualTo(201);
        assertThat(withSub.getHeaders().getLocation()).hasToString(ADMIN + "/" + code + "/subcategories/FOOD_HYGIENE");
        JsonNode listed = tree().path(code);
        assertThat(listed.path("name").path("en").asString()).isEqualTo("Canteen");
        assertThat(listed.path("subCategories").get(0).path("hints").path("defaultUrgency").asString())
                .isEqualTo("COMPLEX");
        assertThat(postCase(code, "FOOD_HYGIENE").getStatusCode().value()).isEqualTo(201);
        assertThat(postCase(code, null).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void whenASubCategoryIsDeactivatedThenNewCasesAreRefusedButItIsStillListedAsInactive() {
        String code = uniqueCode("CANTEEN");
        createCategory(code);
        addSubCategory(code, "FOOD_HYGIENE");
        String oldCase = body(postCase(code, "FOOD_HYGIENE")).path("caseId").asString();

        ResponseEntity<String> deactivated = send("PUT", ADMIN + "/" + code + "/subcategories/FOOD_HYGIENE",
                "{\"active\":false}");

        assertThat(deactivated.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> refused = postCase(code, "FOOD_HYGIENE");
        assertProblem(refused, 422);
        assertThat(body(refused).path("detail").asString()).contains("FOOD_HYGIENE");
        JsonNode sub = tree().path(code).path("subCategories").get(0);
        assertThat(sub.path("code").asString()).isEqualTo("FOOD_HYGIENE");
        assertThat(sub.path("active").asBoolean()).isFalse();
        assertThat(sub.path("name").path("zh").asString()).isEqualTo("食品衛生");
        assertThat(json.readTree(http.get().uri("/api/cases/" + oldCase).retrieve().body(String.class))
                .path("subCategory").asString()).isEqualTo("FOOD_HYGIENE");

        send("PUT", ADMIN + "/" + code + "/subcategories/FOOD_HYGIENE", "{\"active\":true}");
        assertThat(postCase(code, "FOOD_HYGIENE").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void whenACategoryIsDeactivatedAfterACaseThenARetryWithItsIdempotencyKeyStillGetsThatCase() {
        String code = uniqueCode("CANTEEN");
        createCategory(code);
        String key = "desk-3-" + code;
        ResponseEntity<String> first = postCase(code, null, key);
        send("PUT", ADMIN + "/" + code, "{\"active\":false}");

        ResponseEntity<String> retry = postCase(code, null, key);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(body(retry).path("caseId").asString()).isEqualTo(body(first).path("caseId").asString());
        assertProblem(postCase(code, null, key + "-new"), 422);
    }

    @Test
    void whenACategoryIsDeactivatedThenNewCasesAreRefusedAndItIsRenamedInPlace() {
        String code = uniqueCode("CANTEEN");
        createCategory(code);

        ResponseEntity<String> changed = send("PUT", ADMIN + "/" + code,
                "{\"name\":{\"zh\":\"員工食堂\",\"en\":\"Staff canteen\"},\"active\":false}");

        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(body(changed).path("name").path("en").asString()).isEqualTo("Staff canteen");
        assertThat(body(changed).path("description").path("en").asString())
                .isEqualTo("Food and hygiene in the staff canteen");
        assertProblem(postCase(code, null), 422);
        assertThat(tree().path(code).path("active").asBoolean()).isFalse();
    }

    @Test
    void whenACodeIsMalformedThenItIsABadRequestNamingTheField() {
        ResponseEntity<String> response = createCategory("canteen-2");

        assertProblem(response, 400);
        assertThat(body(response).path("errors").get(0).path("field").asString()).isEqualTo("code");
        assertThat(tree().has("canteen-2")).isFalse();
        String code = uniqueCode("CANTEEN");
        createCategory(code);
        assertProblem(addSubCategory(code, "Food Hygiene"), 400);
    }

    @Test
    void whenACodeIsTakenThenItIsAConflict() {
        ResponseEntity<String> category = createCategory("LIVING");
        String code = uniqueCode("CANTEEN");
        createCategory(code);
        addSubCategory(code, "FOOD_HYGIENE");
        ResponseEntity<String> sub = addSubCategory(code, "FOOD_HYGIENE");

        assertProblem(category, 409);
        assertThat(tree().path("LIVING").path("name").path("en").asString()).isEqualTo("Living");
        assertProblem(sub, 409);
        assertThat(tree().path(code).path("subCategories")).hasSize(1);
    }

    @Test
    void whenTheCategoryOrSubCategoryIsUnknownThenItIsNotFound() {
        assertProblem(send("PUT", ADMIN + "/ASTROLOGY", "{\"active\":false}"), 404);
        assertProblem(addSubCategory("ASTROLOGY", "HOROSCOPES"), 404);
        assertProblem(send("PUT", ADMIN + "/LIVING/subcategories/HOROSCOPES", "{\"active\":false}"), 404);
    }

    @Test
    void whenANameIsBlankThenItIsABadRequestAndNothingChanges() {
        ResponseEntity<String> created = send("POST", ADMIN,
                "{\"code\":\"%s\",\"name\":{\"zh\":\"食堂\",\"en\":\" \"}}".formatted(uniqueCode("CANTEEN")));
        String code = uniqueCode("CANTEEN");
        createCategory(code);
        ResponseEntity<String> renamed = send("PUT", ADMIN + "/" + code, "{\"name\":{\"zh\":\"\",\"en\":\"X\"}}");
        ResponseEntity<String> noName = send("POST", ADMIN + "/" + code + "/subcategories",
                "{\"code\":\"FOOD_HYGIENE\"}");

        assertProblem(created, 400);
        assertThat(body(created).path("errors").get(0).path("field").asString()).isEqualTo("name.en");
        assertProblem(renamed, 400);
        assertThat(body(renamed).path("errors").get(0).path("field").asString()).isEqualTo("name.zh");
        assertProblem(noName, 400);
        assertThat(tree().path(code).path("name").path("zh").asString()).isEqualTo("食堂");
        assertThat(tree().path(code).path("subCategories")).isEmpty();
    }

    @Test
    void whenTwoOperatorsEditTheSameVersionThenTheSecondIsAConflictAndChangesNothing() {
        String code = uniqueCode("CANTEEN");
        long version = body(createCategory(code)).path("version").asLong();

        ResponseEntity<String> first = send("PUT", ADMIN + "/" + code,
                "{\"name\":{\"zh\":\"一號食堂\",\"en\":\"Canteen 1\"},\"version\":%d}".formatted(version));
        ResponseEntity<String> second = send("PUT", ADMIN + "/" + code,
                "{\"name\":{\"zh\":\"二號食堂\",\"en\":\"Canteen 2\"},\"version\":%d}".formatted(version));

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(body(first).path("version").asLong()).isGreaterThan(version);
        assertProblem(second, 409);
        assertThat(body(second).path("currentVersion").asLong()).isEqualTo(body(first).path("version").asLong());
        assertThat(tree().path(code).path("name").path("en").asString()).isEqualTo("Canteen 1");
    }

    @Test
    void whenTwoSavesOfTheSameCategoryRaceThenTheLaterOneFails() {
        String code = uniqueCode("CANTEEN");
        createCategory(code);
        Category mine = store.find(code).orElseThrow();
        Category theirs = store.find(code).orElseThrow();

        theirs.change(null, null, false);
        store.save(theirs);
        mine.change(new LocalizedText("甲", "A"), null, null);

        assertThatThrownBy(() -> store.save(mine)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(store.find(code).orElseThrow().getName().en()).isEqualTo("Canteen");
    }

    @Test
    void whenAnotherInstanceChangedTheStoreThenTheNextRefreshPicksItUp() {
        String code = uniqueCode("CANTEEN");
        createCategory(code);
        Category elsewhere = store.find(code).orElseThrow();
        elsewhere.change(null, null, false);
        store.save(elsewhere); // as another instance would: this instance's cache does not know yet
        assertThat(taxonomy.knows(code, null)).isTrue();

        taxonomy.refreshQuietly(); // what the timer does every hotline.taxonomy.refresh-interval

        assertThat(taxonomy.knows(code, null)).isFalse();
        assertThat(taxonomy.tree().get(code).active()).isFalse();
    }

    @Test
    void whenTheApiIsDescribedThenTheAdminOperationsAndTheCodeRuleAreInIt() {
        JsonNode api = json.readTree(http.get().uri("/v3/api-docs").retrieve().body(String.class));

        assertThat(api.path("paths").propertyNames()).contains("/api/taxonomy", "/api/taxonomy/codes", ADMIN,
                ADMIN + "/{code}", ADMIN + "/{code}/subcategories", ADMIN + "/{code}/subcategories/{subCode}");
        assertThat(api.path("components").path("schemas").path("NewCategory").path("properties").path("code")
                .path("pattern").asString()).isEqualTo(TaxonomyCode.PATTERN);
    }
}
