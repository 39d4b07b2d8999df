package org.hotline.devstack;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every write the MongoDB stand-in acknowledged is still there after the process was killed: the stand-in runs
 * in a child JVM, takes writes through the real MongoDB driver, and is killed (SIGKILL) right after the last
 * acknowledgement; a fresh stand-in then opens the same file.
 */
class DurableMongoStandInTest {

    private static final Logger log = LoggerFactory.getLogger(DurableMongoStandInTest.class);
    private static final int DOCUMENTS = 500;

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesSurviveAKill() throws Exception {
        Path file = dir.resolve("mongo").resolve("hotline.mv");
        int port = ChildJvm.freePort();
        try (ChildJvm child = ChildJvm.start(List.of("-Xmx128m", "-Dlog4j2.configurationFile=log4j2.xml",
                "-Dhotline.devstack.data-dir=" + dir), MongoStandInChild.class, file.toString(), String.valueOf(port))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> child.printed("READY") || !child.process.isAlive());
            assertThat(child.process.isAlive()).as("stand-in started: %s", child.output()).isTrue();

            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                long started = System.nanoTime();
                MongoCollection<Document> cases = client.getDatabase("intake-service").getCollection("cases");
                cases.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
                for (int i = 0; i < DOCUMENTS; i++) {
                    cases.insertOne(new Document("number", i).append("description", "case " + i));
                }
                for (int i = 0; i < 100; i++) {
                    cases.updateOne(eq("number", i), set("status", "ASSIGNED"));
                }
                for (int i = DOCUMENTS - 50; i < DOCUMENTS; i++) {
                    cases.deleteOne(eq("number", i));
                }
                cases.findOneAndUpdate(eq("number", 200), set("status", "CLOSED"));
                log.info("{} acknowledged writes in {} ms", DOCUMENTS + 100 + 50 + 2, (System.nanoTime() - started) / 1_000_000);

                // kill -9 right after the last acknowledgement, without closing anything
                child.process.destroyForcibly();
                assertThat(child.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        }

        try (MongoStandIn reopened = new MongoStandIn(file, ChildJvm.freePort())) {
            reopened.start();
            try (MongoClient client = MongoClients.create(reopened.connectionString())) {
                MongoCollection<Document> cases = client.getDatabase("intake-service").getCollection("cases");
                assertThat(cases.countDocuments()).isEqualTo(DOCUMENTS - 50);
                assertThat(cases.countDocuments(gte("number", DOCUMENTS - 50))).isZero();
                assertThat(cases.countDocuments(eq("status", "ASSIGNED"))).isEqualTo(100);
                assertThat(cases.countDocuments(eq("status", "CLOSED"))).isEqualTo(1);
                assertThat(cases.listIndexes().map(index -> index.getString("name")).into(new java.util.ArrayList<>()))
                        .contains("number_1");
            }
        }
    }
}
