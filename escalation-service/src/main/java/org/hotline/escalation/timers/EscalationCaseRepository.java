package org.hotline.escalation.timers;

import org.springframework.data.mongodb.repository.MongoRepository;

interface EscalationCaseRepository extends MongoRepository<EscalationCase, String> {
}
