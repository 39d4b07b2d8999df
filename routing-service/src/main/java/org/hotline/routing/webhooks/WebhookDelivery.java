package org.hotline.routing.webhooks;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One push of one event to one department's webhook, and what came of it: the delivery log.
 *
 * @param id {@code <eventId>:<departmentCode>}, so a redelivered event is pushed once
 * @param payload the event's JSON, exactly as on Kafka (CaseAssigned carries no caller personal data)
 * @param headers the event's CloudEvents attributes
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "department_created", def = "{ 'departmentCode': 1, 'createdAt': -1 }")
record WebhookDelivery(@Id String id, String departmentCode, String caseId, String eventId, String eventType,
        String payload, Map<String, String> headers, Status status, int attempts, Integer lastStatusCode,
        String lastError, Instant createdAt, Instant finishedAt) {

    enum Status {
        PENDING, DELIVERED, FAILED
    }
}
