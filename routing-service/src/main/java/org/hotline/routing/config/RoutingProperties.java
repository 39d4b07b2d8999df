package org.hotline.routing.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hotline.routing.calendar.CalendarDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hotline.routing}.
 *
 * @param maxBounces after this many rejections a supervisor decides instead of the next rule
 * @param calendar the working calendar published at first start (later versions come from the admin API)
 * @param deadlines overrides of the default terms, see {@link Deadlines}
 * @param webhooks how department webhooks are called
 * @param referenceDataTtl how long an instance routes on its snapshot of the rule table, the departments and the
 *        calendar before it reads them again: the longest a change made through another instance goes unseen here
 */
@ConfigurationProperties("hotline.routing")
public record RoutingProperties(@DefaultValue("3") int maxBounces, @DefaultValue Calendar calendar,
        @DefaultValue Deadlines deadlines, @DefaultValue Webhooks webhooks,
        @DefaultValue("5s") Duration referenceDataTtl) {

    /** The working calendar, as in {@link CalendarDefinition}. */
    public record Calendar(@DefaultValue("Asia/Shanghai") String zone,
            @DefaultValue({ "09:00-12:00", "13:30-18:00" }) List<String> workingHours,
            @DefaultValue({ "SATURDAY", "SUNDAY" }) List<String> weekend, List<String> holidays,
            List<String> makeUpWorkdays) {

        public CalendarDefinition definition() {
            return new CalendarDefinition(zone, workingHours, weekend, holidays, makeUpWorkdays);
        }
    }

    /**
     * Overrides of the terms. {@code urgency.<URGENCY>.<milestone>}, {@code kind.<URGENCY>.<KIND>.<milestone>},
     * {@code category.<URGENCY>.[<CATEGORY>/<SUB>].<milestone>}; milestones: accept, on-site, handle, resolve,
     * reply, callback; values such as {@code 2 working-hours}, {@code 7 working-days}, {@code 24 clock-hours},
     * {@code 15 clock-minutes} or {@code none}.
     */
    public record Deadlines(Map<String, Map<String, String>> urgency,
            Map<String, Map<String, Map<String, String>>> kind,
            Map<String, Map<String, Map<String, String>>> category) {

        public Deadlines {
            urgency = urgency == null ? Map.of() : urgency;
            kind = kind == null ? Map.of() : kind;
            category = category == null ? Map.of() : category;
        }
    }

    /**
     * @param timeout connect and read timeout of one call
     * @param maxAttempts calls per delivery before it is logged as failed
     * @param initialBackoff wait before the second attempt; doubles after each
     * @param openCircuitFor how long a department's circuit stays open (calls fail at once) after half of its
     *        last ten calls failed
     * @param threads deliveries under way at once, whatever department they go to
     */
    public record Webhooks(@DefaultValue("5s") Duration timeout, @DefaultValue("4") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff, @DefaultValue("30s") Duration openCircuitFor,
            @DefaultValue("4") int threads) {
    }
}
