package org.hotline.intake.open311;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.intake.caseintake.CaseIntakeService;
import org.hotline.intake.caseintake.NewCaseRequest;
import org.hotline.intake.caseintake.PublicCaseQuery;
import org.hotline.intake.caseintake.PublishedCase;
import org.hotline.intake.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Open311 on top of the front desk: services from the taxonomy, requests as ordinary cases. */
@Service
class Open311Reports {

    private static final Logger log = LoggerFactory.getLogger(Open311Reports.class);

    /** Case fields as the Open311 form names them, for error messages. */
    private static final Map<String, String> FIELDS = Map.of("description", "description", "caller.name",
            "first_name/last_name", "caller.phone", "phone", "caller.email", "email", "location.address",
            "address_string", "location.latitude", "lat", "location.longitude", "long");

    private final CaseIntakeService intake;
    private final Taxonomy taxonomy;
    private final Open311Properties properties;
    private final ApiKeys apiKeys;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId zone;

    Open311Reports(CaseIntakeService intake, Taxonomy taxonomy, Open311Properties properties, Validator validator,
            Clock clock, @Value("${hotline.intake.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.intake = intake;
        this.taxonomy = taxonomy;
        this.properties = properties;
        this.apiKeys = new ApiKeys(properties.apiKeys());
        this.validator = validator;
        this.clock = clock;
        this.zone = zone;
    }

    Open311Properties properties() {
        return properties;
    }

    /** The services as the taxonomy stands now. */
    ServiceCatalog catalog() {
        return ServiceCatalog.of(taxonomy.categories());
    }

    Open311Service service(String code) {
        return catalog().find(code).filter(this::isKnown)
                .orElseThrow(() -> Open311Exception.notFound("service_code " + code + " was not found; GET services "
                        + "lists the service codes"));
    }

    private boolean isKnown(Open311Service service) {
        return taxonomy.knows(service.category(), service.subCategory());
    }

    /** Opens a case from a POST requests form; the api_key decides the channel. */
    Open311Views.Created submit(Map<String, List<String>> form, String idempotencyKey) {
        Open311Properties.ApiKey key = apiKeys.find(ReportForm.field(form, "api_key"))
                .orElseThrow(() -> Open311Exception.forbidden("Invalid or missing api_key -- can't proceed with "
                        + "create_request."));
        String code = ReportForm.field(form, "service_code");
        if (code == null) {
            throw Open311Exception.badRequest("service_code was not provided");
        }
        if (idempotencyKey != null && idempotencyKey.length() > 128) {
            throw Open311Exception.badRequest("Idempotency-Key must be at most 128 characters");
        }
        Open311Service service = service(code);
        NewCaseRequest request = ReportForm.toCase(form, service, key.channel());
        check(request);
        // a key of its own, so that a retry can never return a case posted through another API
        PublishedCase published = intake.openPublicReport(request, ReportForm.field(form, "address_id"),
                idempotencyKey == null ? null : "open311:" + idempotencyKey);
        log.info("Open311 request {} for service {} from client {}", published.trackingNumber(), service.code(),
                key.client());
        return views().created(published, ReportForm.field(form, "account_id"));
    }

    private void check(NewCaseRequest request) {
        Set<ConstraintViolation<NewCaseRequest>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return;
        }
        String description = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> FIELDS.getOrDefault(v.getPropertyPath().toString(), v.getPropertyPath().toString()) + " "
                        + v.getMessage())
                .distinct().reduce((a, b) -> a + "; " + b).orElse("Invalid request");
        throw Open311Exception.badRequest(description);
    }

    List<Open311Views.Request> search(String serviceRequestIds, String serviceCodes, String startDate,
            String endDate, String statuses) {
        PublicCaseQuery query = RequestsFilter.parse(serviceRequestIds, serviceCodes, startDate, endDate, statuses,
                clock.instant(), properties.maxSpan(), properties.maxResults());
        RequestViews views = views();
        return intake.findPublished(query).stream().map(views::view).toList();
    }

    Open311Views.Request request(String serviceRequestId) {
        return intake.findPublished(serviceRequestId).map(views()::view)
                .orElseThrow(() -> Open311Exception.notFound("service_request_id " + serviceRequestId
                        + " was not found"));
    }

    /** Tokens are the service request ids themselves: Hotline answers every POST with the id at once. */
    Open311Views.Token token(String token) {
        return intake.findPublished(token).map(found -> new Open311Views.Token(found.trackingNumber(), token))
                .orElseThrow(() -> Open311Exception.notFound("token " + token + " was not found"));
    }

    private RequestViews views() {
        return new RequestViews(catalog(), zone, properties.expectedWithin());
    }
}
