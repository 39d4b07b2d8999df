package org.hotline.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The consumer lag of each service's group: records published but not yet processed, summed over partitions. */
final class LagMonitor implements AutoCloseable {

    private final Admin admin;
    private final List<String> groups;

    LagMonitor(String bootstrap, List<String> groups) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.groups = groups;
    }

    /** Group → lag now. A group that has not committed yet shows -1. */
    Map<String, Long> lags() throws Exception {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                lags.put(group, -1L);
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream().filter(tp -> !tp.topic().endsWith(".dlt"))
                    .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var entry : ends.entrySet()) {
                OffsetAndMetadata offset = committed.get(entry.getKey());
                lag += Math.max(0, entry.getValue().offset() - (offset == null ? 0 : offset.offset()));
            }
            lags.put(group, lag);
        }
        return lags;
    }

    /** Whether lag kept growing over the samples: the last third's mean above the middle third's by 20 %. */
    static boolean growing(List<Long> samples) {
        if (samples.size() < 6) {
            return false;
        }
        int third = samples.size() / 3;
        double middle = mean(new ArrayList<>(samples.subList(third, 2 * third)));
        double last = mean(new ArrayList<>(samples.subList(2 * third, samples.size())));
        return last > Math.max(50, middle * 1.2);
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    @Override
    public void close() {
        admin.close();
    }
}
