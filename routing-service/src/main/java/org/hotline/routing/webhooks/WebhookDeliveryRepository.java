package org.hotline.routing.webhooks;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface WebhookDeliveryRepository extends MongoRepository<WebhookDelivery, String> {

    Page<WebhookDelivery> findByDepartmentCodeOrderByCreatedAtDesc(String departmentCode, Pageable page);

    Page<WebhookDelivery> findByDepartmentCodeAndStatusOrderByCreatedAtDesc(String departmentCode,
            WebhookDelivery.Status status, Pageable page);

    List<WebhookDelivery> findTop100ByStatusAndCreatedAtBefore(WebhookDelivery.Status status, Instant before);
}
