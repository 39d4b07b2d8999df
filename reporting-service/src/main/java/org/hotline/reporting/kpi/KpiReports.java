package org.hotline.reporting.kpi;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.hotline.reporting.kpi.BucketReader.Bucket;
import org.hotline.reporting.ledger.CaseFacts.Counter;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.springframework.stereotype.Service;

/** KPI and common-problem reports, from the buckets only: never from the cases. */
@Service
class KpiReports {

    /** How a KPI report is broken down. */
    enum GroupBy {
        NONE(Grain.TOTAL, null, false), DEPARTMENT(Grain.DEPARTMENT, Bucket::key, false),
        CATEGORY(Grain.CATEGORY, Bucket::key, false), CHANNEL(Grain.CHANNEL, Bucket::key, false),
        OPERATOR(Grain.OPERATOR, Bucket::key, false), DAY(Grain.TOTAL, Bucket::day, true),
        WEEK(Grain.TOTAL, b -> {
            LocalDate d = LocalDate.parse(b.day());
            return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }, true),
        MONTH(Grain.TOTAL, b -> b.day().substring(0, 7), false);

        final Grain grain;
        final Function<Bucket, String> key;
        /** Needs daily buckets: monthly ones cannot be split into days or weeks. */
        final boolean daily;

        GroupBy(Grain grain, Function<Bucket, String> key, boolean daily) {
            this.grain = grain;
            this.key = key;
            this.daily = daily;
        }
    }

    record Group(String key, Kpis kpis) {
    }

    /** One line of the common-problems report: a category, keyword or area and its change. */
    record Problem(String key, long count, long previousCount, long change, Double changeRate) {
    }

    private final BucketReader buckets;

    KpiReports(BucketReader buckets) {
        this.buckets = buckets;
    }

    Kpis overall(Period period) {
        return KpiFormulas.of(sum(buckets.read(Grain.TOTAL, period.from(), period.to())));
    }

    /** The groups in key order (days, weeks and months in time order). */
    List<Group> groups(Period period, GroupBy groupBy) {
        if (groupBy == GroupBy.NONE) {
            return List.of();
        }
        Map<String, List<Bucket>> grouped = new TreeMap<>();
        List<Bucket> read = groupBy.daily ? buckets.days(groupBy.grain, period.from(), period.to())
                : buckets.read(groupBy.grain, period.from(), period.to());
        for (Bucket b : read) {
            grouped.computeIfAbsent(groupBy.key.apply(b), k -> new ArrayList<>()).add(b);
        }
        List<Group> groups = new ArrayList<>();
        grouped.forEach((key, list) -> {
            Kpis kpis = KpiFormulas.of(sum(list));
            // a bucket stays behind, all zero, when its cases moved to another department
            if (kpis.opened() > 0) {
                groups.add(new Group(key, kpis));
            }
        });
        return groups;
    }

    /** The most frequent values of a grain in the period, with the previous period's counts. */
    List<Problem> top(Grain grain, Period period, int top) {
        Map<String, Long> now = opened(grain, period);
        Map<String, Long> before = opened(grain, period.previous());
        return now.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top).map(e -> {
                    long previous = before.getOrDefault(e.getKey(), 0L);
                    return new Problem(e.getKey(), e.getValue(), previous, e.getValue() - previous,
                            previous == 0 ? null : (double) (e.getValue() - previous) / previous);
                }).toList();
    }

    private Map<String, Long> opened(Grain grain, Period period) {
        Map<String, Long> counts = new HashMap<>();
        for (Bucket b : buckets.read(grain, period.from(), period.to())) {
            long opened = b.counters().getOrDefault(Counter.OPENED.field(), 0L);
            if (opened > 0) {
                counts.merge(b.key(), opened, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Long> sum(List<Bucket> list) {
        Map<String, Long> total = new HashMap<>();
        list.forEach(b -> b.counters().forEach((k, v) -> total.merge(k, v, Long::sum)));
        return total;
    }
}
