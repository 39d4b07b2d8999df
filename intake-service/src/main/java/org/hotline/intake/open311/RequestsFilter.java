package org.hotline.intake.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline.intake.caseintake.CaseStatus;
import org.hotline.intake.caseintake.PublicCaseQuery;

/**
 * The filters of GET requests, as the spec defines them: service_request_id (comma-separated, overrides the
 * others), service_code and status (comma-separated), start_date and end_date in w3 format. Without dates the
 * window is the most recent span (90 days by default); a range may not span more; at most 1000 requests by default.
 */
final class RequestsFilter {

    private RequestsFilter() {
    }

    static PublicCaseQuery parse(String serviceRequestIds, String serviceCodes, String startDate, String endDate,
            String statuses, Instant now, Duration maxSpan, int maxResults) {
        List<String> ids = split(serviceRequestIds);
        if (!ids.isEmpty()) {
            return new PublicCaseQuery(ids, List.of(), Set.of(), null, null, maxResults);
        }
        Instant start = startDate == null ? null : instant(startDate, "start_date", false);
        Instant end = endDate == null ? null : instant(endDate, "end_date", true);
        if (start == null && end == null) {
            end = now;
        }
        if (start == null) {
            start = end.minus(maxSpan);
        }
        if (end == null) {
            end = start.plus(maxSpan);
        }
        if (end.isBefore(start)) {
            throw Open311Exception.badRequest("end_date must not be before start_date");
        }
        if (Duration.between(start, end).compareTo(maxSpan) > 0) {
            throw Open311Exception.badRequest("start_date and end_date may not span more than " + maxSpan.toDays()
                    + " days");
        }
        List<PublicCaseQuery.Classification> classifications = split(serviceCodes).stream()
                .map(ServiceCatalog::classificationOf).toList();
        Set<CaseStatus> wanted = EnumSet.noneOf(CaseStatus.class);
        split(statuses).forEach(status -> wanted.addAll(Open311Status.parse(status).caseStatuses()));
        return new PublicCaseQuery(List.of(), classifications, wanted, start, end, maxResults);
    }

    /** A w3 date-time with its zone (2010-01-01T00:00:00Z), or a date alone (its start, or end for end_date). */
    static Instant instant(String value, String name, boolean endOfDay) {
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            catch (DateTimeParseException notADate) {
                throw Open311Exception.badRequest(name + " must be a w3 date-time with a zone, e.g. "
                        + "2010-01-01T00:00:00Z");
            }
        }
    }

    private static List<String> split(String values) {
        if (values == null || values.isBlank()) {
            return List.of();
        }
        return Arrays.stream(values.split(",")).map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
