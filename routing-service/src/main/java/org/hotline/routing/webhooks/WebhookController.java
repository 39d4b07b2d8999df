package org.hotline.routing.webhooks;

import java.time.Instant;
import java.util.List;

import org.hotline.support.security.HotlineUser;
import org.hotline.support.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The webhook delivery log. */
@RestController
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record DeliveryView(String id, String caseId, String eventId, String eventType, String status, int attempts,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant finishedAt) {
    }

    record DeliveryPage(List<DeliveryView> content, int page, int size, long totalElements) {
    }

    @Operation(summary = "A department's webhook deliveries, newest first")
    @GetMapping("/api/departments/{code}/webhook-deliveries")
    DeliveryPage deliveries(@PathVariable String code, @RequestParam(required = false) WebhookDelivery.Status status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        // admins see every department's deliveries, department staff their own
        HotlineUser user = HotlineUser.current();
        if (!user.has(Role.ADMIN) && !(user.has(Role.DEPARTMENT) && code.equals(user.department()))) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "No department " + code), null);
        }
        Page<WebhookDelivery> found = webhooks.log(code, status, PageRequest.of(page, size));
        return new DeliveryPage(found.getContent().stream().map(d -> new DeliveryView(d.id(), d.caseId(),
                d.eventId(), d.eventType(), d.status().name(), d.attempts(), d.lastStatusCode(), d.lastError(),
                d.createdAt(), d.finishedAt())).toList(), page, size, found.getTotalElements());
    }
}
