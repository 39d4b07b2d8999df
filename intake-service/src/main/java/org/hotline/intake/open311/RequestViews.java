package org.hotline.intake.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.hotline.events.Urgency;
import org.hotline.events.intake.CaseLocation;
import org.hotline.intake.caseintake.PublishedCase;

/**
 * Shows published cases as Open311 service requests: the tracking number is the service_request_id, a case answered
 * on the spot is closed, expected_datetime comes from the urgency (2 hours for an emergency, 7 days otherwise, unless
 * configured), times are w3 date-times in the hotline's time zone. Caller details are never part of it.
 */
final class RequestViews {

    static final String ANSWERED_ON_THE_SPOT = "Answered on the spot by the hotline.";

    private static final DateTimeFormatter W3 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final ServiceCatalog catalog;
    private final ZoneId zone;
    private final Map<Urgency, Duration> expectedWithin;

    RequestViews(ServiceCatalog catalog, ZoneId zone, Map<Urgency, Duration> expectedWithin) {
        this.catalog = catalog;
        this.zone = zone;
        this.expectedWithin = expectedWithin;
    }

    Open311Views.Request view(PublishedCase published) {
        Open311Status status = Open311Status.of(published.status());
        String code = ServiceCatalog.codeOf(published.category(), published.subCategory());
        String name = catalog.find(code).map(Open311Service::name)
                .orElseGet(() -> ServiceCatalog.nameOf(published.category(), published.subCategory()));
        boolean closed = status == Open311Status.CLOSED;
        CaseLocation location = published.location();
        List<String> media = published.attachments();
        return new Open311Views.Request(published.trackingNumber(), status.wire(), statusNotes(published), name, code,
                published.description(), published.resolvedBy(),
                closed ? null : notice(published.urgency()), w3(published.receivedAt()), w3(published.updatedAt()),
                closed ? null : w3(expected(published)), location == null ? null : location.address(),
                published.addressId(), null, location == null ? null : location.latitude(),
                location == null ? null : location.longitude(), media.isEmpty() ? null : media.get(0));
    }

    /** What was done, once the case is closed: the operator's answer or the department's result. */
    private static String statusNotes(PublishedCase published) {
        return switch (published.status()) {
            case RESOLVED_ON_THE_SPOT -> ANSWERED_ON_THE_SPOT;
            case RESOLVED, CLOSED -> published.resolutionSummary();
            case OPEN -> null;
        };
    }

    Open311Views.Created created(PublishedCase published, String accountId) {
        return new Open311Views.Created(published.trackingNumber(),
                Open311Status.of(published.status()) == Open311Status.CLOSED ? ANSWERED_ON_THE_SPOT
                        : notice(published.urgency()),
                accountId);
    }

    /** When the request can be expected to be dealt with, by its urgency. */
    Instant expected(PublishedCase published) {
        return published.receivedAt().plus(within(published.urgency()));
    }

    String notice(Urgency urgency) {
        if (urgency == Urgency.EMERGENCY) {
            return "Emergency: the hotline alerts the emergency command centre at once; expect action within "
                    + describe(within(urgency)) + ".";
        }
        return "The hotline forwards this request to the responsible department; expect it to be dealt with within "
                + describe(within(urgency)) + ".";
    }

    private Duration within(Urgency urgency) {
        return expectedWithin.getOrDefault(urgency == null ? Urgency.NORMAL : urgency, Duration.ofDays(7));
    }

    private static String describe(Duration duration) {
        if (duration.toHours() < 48) {
            long hours = Math.max(1, duration.toHours());
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return duration.toDays() + " days";
    }

    private String w3(Instant instant) {
        return instant == null ? null : W3.format(instant.atZone(zone));
    }
}
