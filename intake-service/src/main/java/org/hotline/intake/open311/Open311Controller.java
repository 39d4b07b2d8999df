package org.hotline.intake.open311;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The Open311 GeoReport v2 API: a city's 311 apps and web forms list the services, post requests and follow them.
 * Every resource comes as {@code .xml} or {@code .json}; errors come in the spec's error format.
 */
@RestController
@RequestMapping(Open311Controller.BASE)
@Tag(name = "Open311 GeoReport v2")
class Open311Controller {

    static final String BASE = "/open311/v2";
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private final Open311Reports reports;

    Open311Controller(Open311Reports reports) {
        this.reports = reports;
    }

    @Operation(summary = "Service discovery: where the endpoint is, its formats, whom to ask for a key")
    @GetMapping("/discovery." + Open311Format.PATTERN)
    ResponseEntity<String> discovery(@PathVariable String format) {
        Open311Properties properties = reports.properties();
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString();
        Open311Views.Discovery discovery = new Open311Views.Discovery(properties.changeset(), properties.contact(),
                properties.keyService(), List.of(new Open311Views.Endpoint(SPECIFICATION, url,
                        properties.changeset(), properties.endpointType(), List.of("text/xml", "application/json"))));
        return Open311Responses.ok(Open311Format.of(format), "discovery", discovery);
    }

    @Operation(summary = "The services: one per taxonomy sub-category")
    @GetMapping("/services." + Open311Format.PATTERN)
    ResponseEntity<String> services(@PathVariable String format) {
        return Open311Responses.ok(Open311Format.of(format), "services",
                reports.catalog().services().stream().map(Open311Views.Service::of).toList());
    }

    @Operation(summary = "A service definition: the questions a service asks")
    @GetMapping("/services/{serviceCode}." + Open311Format.PATTERN)
    ResponseEntity<String> service(@PathVariable String serviceCode, @PathVariable String format) {
        return Open311Responses.ok(Open311Format.of(format), "service_definition",
                Open311Views.ServiceDefinition.of(reports.service(serviceCode)));
    }

    @Operation(summary = "Report a problem (form-encoded, needs an api_key); answers with the service_request_id")
    @PostMapping("/requests." + Open311Format.PATTERN)
    ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return Open311Responses.ok(Open311Format.of(format), "service_requests",
                List.of(reports.submit(form, idempotencyKey)));
    }

    @Operation(summary = "Requests: by id, or by service, status and date range (last 90 days, 1000 at most)")
    @GetMapping("/requests." + Open311Format.PATTERN)
    ResponseEntity<String> requests(@PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) String serviceRequestIds,
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "status", required = false) String statuses) {
        return Open311Responses.ok(Open311Format.of(format), "service_requests",
                reports.search(serviceRequestIds, serviceCodes, startDate, endDate, statuses));
    }

    @Operation(summary = "One request, as a list of one")
    @GetMapping("/requests/{serviceRequestId}." + Open311Format.PATTERN)
    ResponseEntity<String> request(@PathVariable String serviceRequestId, @PathVariable String format) {
        return Open311Responses.ok(Open311Format.of(format), "service_requests",
                List.of(reports.request(serviceRequestId)));
    }

    @Operation(summary = "The service_request_id for a token (Hotline's tokens are the ids themselves)")
    @GetMapping("/tokens/{token}." + Open311Format.PATTERN)
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        return Open311Responses.ok(Open311Format.of(format), "service_requests", List.of(reports.token(token)));
    }

    /** Anything else under the endpoint: an unknown resource, format or method. */
    @Hidden
    @RequestMapping("/**")
    ResponseEntity<String> unknown() {
        throw Open311Exception.notFound("No such Open311 resource; see " + SPECIFICATION
                + " for resources, in .xml or .json");
    }
}
