package org.hotline.feedback.delivery;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface DeliveryAttemptRepository extends MongoRepository<DeliveryAttempt, String> {

    List<DeliveryAttempt> findByCaseIdOrderByAtAscAttemptAsc(String caseId);
}
