package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in keeps documents as BSON in a fresh file, reads every BSON type the services write back as written,
 * and still opens a file written before in the older format.
 */
class StandInFormatTest {

    @TempDir
    Path dir;

    @Test
    void aFreshFileStoresBsonAndGivesBackWhatWasWrittenAfterARestart() {
        Path file = dir.resolve("fresh.mv");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Document written = new Document("_id", "HL-1").append("version", 3L).append("count", 7)
                .append("score", 4.5).append("closed", true).append("at", java.util.Date.from(at))
                .append("nothing", null).append("tags", List.of("a", "b"))
                .append("timeline", List.of(new Document("type", "CaseOpened").append("at", java.util.Date.from(at))))
                .append("contact", new org.bson.types.Binary(new byte[] {1, 2, 3}));

        withStandIn(DurableH2Backend.open(file), cases -> cases.insertOne(written));
        withStandIn(DurableH2Backend.open(file), cases -> {
            Document read = cases.find(new Document("_id", "HL-1")).first();
            assertThat(read).isEqualTo(written);
        });

        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(DurableH2Backend.storesBson(store)).isTrue();
        } finally {
            store.close();
        }
    }

    @Test
    void aFileFromBeforeIsReadInItsOwnFormat() {
        Path file = dir.resolve("earlier.mv");
        withStandIn(new H2Backend(file.toString()), cases -> cases.insertMany(List.of(
                new Document("_id", "HL-1").append("status", "OPEN"),
                new Document("_id", "HL-2").append("status", "CLOSED"))));

        withStandIn(DurableH2Backend.open(file), cases -> {
            assertThat(cases.find().into(new ArrayList<>())).extracting(d -> d.get("status"))
                    .containsExactly("OPEN", "CLOSED");
            cases.insertOne(new Document("_id", "HL-3").append("status", "OPEN"));
        });
        withStandIn(DurableH2Backend.open(file), cases -> assertThat(cases.countDocuments()).isEqualTo(3));
    }

    @Test
    void uniqueIndexKeysOfEveryKindAreFoundAndEnforcedAfterARestart() {
        Path file = dir.resolve("keys.mv");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Document> buckets = List.of(
                bucket("b-1", "2026-11-24", "PATRIOTIC_HEALTH_OFFICE", 1, null),
                bucket("b-2", "2026-11-24", "PATRIOTIC_HEALTH_OFFICE", 2, java.util.Date.from(at)),
                bucket("b-3", "2026-11-23", "FACILITIES", 1, new Document("area", "东城")),
                new Document("_id", new org.bson.types.ObjectId()).append("day", "2026-11-22"));
        withStandIn(DurableH2Backend.open(file), cases -> {
            cases.createIndex(new Document("day", 1).append("department", 1).append("channel", 1).append("extra", 1),
                    new com.mongodb.client.model.IndexOptions().unique(true));
            cases.insertMany(buckets);
        });

        withStandIn(DurableH2Backend.open(file), cases -> {
            for (Document each : buckets) {
                assertThat(cases.find(new Document("_id", each.get("_id"))).first()).isEqualTo(each);
            }
            assertThat(cases.find(new Document("day", "2026-11-24").append("department", "PATRIOTIC_HEALTH_OFFICE")
                    .append("channel", 2).append("extra", java.util.Date.from(at))).first()).isEqualTo(buckets.get(1));
            Document sameKey = bucket("b-4", "2026-11-23", "FACILITIES", 1, new Document("area", "东城"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.insertOne(sameKey))
                    .hasMessageContaining("E11000");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.insertOne(new Document("_id", "b-1")))
                    .hasMessageContaining("E11000");
            cases.insertOne(bucket("b-5", "2026-11-23", "FACILITIES", 1, new Document("area", "西城")));
            assertThat(cases.countDocuments()).isEqualTo(5);
        });

        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(DurableH2Backend.storesBsonKeys(store)).isTrue();
        } finally {
            store.close();
        }
    }

    @Test
    void aBsonFileWhoseIndexKeysAreStillJavaSerializedKeepsThem() {
        Path file = dir.resolve("bson-values-only.mv");
        MVStore earlier = new MVStore.Builder().fileName(file.toString()).open();
        earlier.openMap("hotline.format").put("values", "bson");
        earlier.close();
        withStandIn(DurableH2Backend.open(file), cases -> cases.insertMany(List.of(
                new Document("_id", "HL-1").append("status", "OPEN"),
                new Document("_id", "HL-2").append("status", "CLOSED"))));

        withStandIn(DurableH2Backend.open(file), cases -> {
            assertThat(cases.find(new Document("_id", "HL-2")).first()).containsEntry("status", "CLOSED");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cases.insertOne(new Document("_id", "HL-1")))
                    .hasMessageContaining("E11000");
        });
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(DurableH2Backend.storesBsonKeys(store)).isFalse();
        } finally {
            store.close();
        }
    }

    private static Document bucket(String id, String day, String department, Object channel, Object extra) {
        return new Document("_id", id).append("day", day).append("department", department).append("channel", channel)
                .append("extra", extra);
    }

    @Test
    void concurrentUpdatesOfManyCollectionsAreAllCommittedAndTheStoreStaysOpen() throws Exception {
        Path file = dir.resolve("busy.mv");
        int threads = 6;
        int updates = 150;
        withStandIn(DurableH2Backend.open(file), ignored -> { });
        DurableH2Backend backend = DurableH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                MongoCollection<Document> cases = client.getDatabase("service-" + (t % 3)).getCollection("cases");
                String id = "HL-" + t;
                done.add(pool.submit(() -> {
                    cases.insertOne(new Document("_id", id).append("timeline", new ArrayList<>()));
                    for (int i = 0; i < updates; i++) {
                        cases.updateOne(new Document("_id", id), new Document("$push", new Document("timeline",
                                new Document("seq", i).append("note", "x".repeat(200)))));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> each : done) {
                each.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();
        } finally {
            server.shutdownNow();
        }
        withStandIn(DurableH2Backend.open(file), ignored -> { });
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        store.close();
        for (int t = 0; t < threads; t++) {
            String id = "HL-" + t;
            String database = "service-" + (t % 3);
            MongoServer again = new MongoServer(DurableH2Backend.open(file));
            java.net.InetSocketAddress at = again.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + at.getHostString() + ":" + at.getPort())) {
                Document stored = client.getDatabase(database).getCollection("cases").find(new Document("_id", id))
                        .first();
                assertThat(stored.getList("timeline", Document.class)).hasSize(updates);
            } finally {
                again.shutdownNow();
            }
        }
    }

    private static void withStandIn(AbstractMongoBackend backend,
            java.util.function.Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            work.accept(client.getDatabase("routing-service").getCollection("cases"));
        } finally {
            server.shutdown();
        }
    }
}
