package org.hotline.devstack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that name an {@code _id} next to other conditions (optimistic-locking saves, outbox claims) give the same
 * answers through the stand-in's {@code _id} lookup as a scan would.
 */
class IdLookupStandInTest {

    @TempDir
    Path dir;

    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> cases;

    @BeforeEach
    void start() {
        backend = DurableH2Backend.open(dir.resolve("hotline.mv"));
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://" + hostAndPort(server));
        cases = client.getDatabase("routing-service").getCollection("cases");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            documents.add(new Document("_id", "HL-" + i).append("version", 1L).append("status", i % 2 == 0 ? "OPEN"
                    : "CLOSED"));
        }
        cases.insertMany(documents);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anIdWithFurtherConditionsMatchesOnlyWhenEveryConditionHolds() {
        assertThat(cases.find(new Document("_id", "HL-4").append("version", 1L)).into(new ArrayList<>()))
                .extracting(d -> d.get("_id")).containsExactly("HL-4");
        assertThat(cases.find(new Document("_id", "HL-4").append("version", 2L)).into(new ArrayList<>())).isEmpty();
        assertThat(cases.find(new Document("_id", "HL-404").append("version", 1L)).into(new ArrayList<>())).isEmpty();
    }

    @Test
    void anIdListAndAnAndOfConditionsAreLookedUpToo() {
        assertThat(cases.find(new Document("_id", new Document("$in", List.of("HL-1", "HL-2", "HL-3")))
                .append("status", "OPEN")).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                .containsExactly("HL-2");
        assertThat(cases.find(and(eq("_id", "HL-6"), eq("status", "OPEN"), exists("version")))
                .into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactly("HL-6");
        assertThat(cases.find(and(in("_id", "HL-6", "HL-7"), eq("status", "CLOSED"))).into(new ArrayList<>()))
                .extracting(d -> d.get("_id")).containsExactly("HL-7");
    }

    @Test
    void versionedUpdatesChangeOnlyTheDocumentWithTheExpectedVersion() {
        Document updated = cases.findOneAndUpdate(new Document("_id", "HL-8").append("version", 1L),
                Updates.combine(Updates.inc("version", 1L), Updates.set("status", "ASSIGNED")),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(updated).isNotNull();
        assertThat(updated.getLong("version")).isEqualTo(2L);

        long stale = cases.updateOne(new Document("_id", "HL-8").append("version", 1L), Updates.set("status", "X"))
                .getModifiedCount();
        assertThat(stale).isZero();
        assertThat(cases.find(eq("_id", "HL-8")).first()).containsEntry("status", "ASSIGNED");
        assertThat(cases.countDocuments(eq("status", "ASSIGNED"))).isEqualTo(1);
    }

    @Test
    void whatIsNotAnIdLookupIsLeftToTheScan() {
        assertThat(IdLookupH2Database.idCondition(new de.bwaldvogel.mongo.bson.Document("_id", "HL-1"))).isNull();
        assertThat(IdLookupH2Database.idCondition(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$gt", "HL-1")).append("status", "OPEN"))).isNull();
        assertThat(IdLookupH2Database.idCondition(new de.bwaldvogel.mongo.bson.Document("status", "OPEN")
                .append("version", 1L))).isNull();
        assertThat(IdLookupH2Database.idCondition(new de.bwaldvogel.mongo.bson.Document("_id", "HL-1")
                .append("version", 1L))).isEqualTo("HL-1");
    }

    @Test
    void serverStatusCountsTheDocumentsWrittenAndTheCommits() {
        Document before = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
        cases.insertMany(List.of(new Document("_id", "N-1"), new Document("_id", "N-2")));
        cases.updateOne(new Document("_id", "N-1"), Updates.set("status", "OPEN"));
        cases.deleteOne(new Document("_id", "N-2"));
        Document after = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));

        Document was = before.get("opcounters", Document.class);
        Document is = after.get("opcounters", Document.class);
        assertThat(is.getLong("insert") - was.getLong("insert")).isEqualTo(2);
        assertThat(is.getLong("update") - was.getLong("update")).isEqualTo(1);
        assertThat(is.getLong("delete") - was.getLong("delete")).isEqualTo(1);
        assertThat(after.get("hotlineStore", Document.class).getLong("commits")
                - before.get("hotlineStore", Document.class).getLong("commits")).isEqualTo(3);
        assertThat(after.get("hotlineStore", Document.class).getLong("fileBytes")).isPositive();
        String insert = "routing-service cases insert";
        Document inserts = after.get("hotlineStore", Document.class).get("time", Document.class).get(insert,
                Document.class);
        Document insertsBefore = before.get("hotlineStore", Document.class).get("time", Document.class).get(insert,
                Document.class);
        assertThat(inserts.getLong("n") - (insertsBefore == null ? 0 : insertsBefore.getLong("n"))).isEqualTo(1);
        assertThat(inserts.getLong("micros")).isPositive();
    }

    @Test
    void helloIsAnsweredAsHealthChecksAskIt() {
        Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
        assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
        assertThat(hello.get("maxWireVersion", Number.class).intValue()).isPositive();
    }

    private static String hostAndPort(MongoServer server) {
        java.net.InetSocketAddress address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }
}
