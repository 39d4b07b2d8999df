package org.hotline.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The broker's own limit on this machine, measured with Kafka's performance tools on the same broker: records of
 * the events' size, produced with {@code acks=all} as the services do, then consumed.
 */
final class RawKafkaLimit {

    /** @param failure why the limit could not be measured; {@code null} when it was */
    record Result(double producerRecordsPerSecond, double consumerRecordsPerSecond, int recordSize, long records,
            String failure) {

        static Result failed(int recordSize, long records, Exception ex) {
            return new Result(0, 0, recordSize, records, ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
    }

    private RawKafkaLimit() {
    }

    static Result measure(String bootstrap, int recordSize, long records) throws Exception {
        String topic = "bench.raw-limit." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        String produced = captured(() -> ProducerPerformance.main(new String[] { "--topic", topic, "--num-records",
                String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=5" }));
        String consumed = captured(() -> ConsumerPerformance.main(new String[] { "--bootstrap-server", bootstrap,
                "--topic", topic, "--messages", String.valueOf(records), "--timeout", "60000" }));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
        return new Result(producerRate(produced), consumerRate(consumed), recordSize, records, null);
    }

    /** "200000 records sent, 95238.1 records/sec (…)" on the last summary line. */
    static double producerRate(String output) {
        String[] lines = output.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].contains("records sent") && lines[i].contains("records/sec")) {
                String before = lines[i].substring(0, lines[i].indexOf(" records/sec"));
                return Double.parseDouble(before.substring(before.lastIndexOf(' ') + 1));
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary: " + output);
    }

    /** The CSV line after the header "start.time, end.time, …, nMsg.sec, …". */
    static double consumerRate(String output) {
        String[] lines = output.strip().split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].contains("nMsg.sec")) {
                List<String> header = List.of(lines[i].split(",\\s*"));
                String[] values = lines[i + 1].split(",\\s*");
                return Double.parseDouble(values[header.indexOf("nMsg.sec")].trim());
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no summary: " + output);
    }

    interface Tool {
        void run() throws Exception;
    }

    private static synchronized String captured(Tool tool) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            tool.run();
        }
        finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
