package org.hotline.intake.caseintake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseFileRepository extends MongoRepository<CaseFile, String>, CaseFileSearch {

    Optional<CaseFile> findByIdempotencyKey(String idempotencyKey);

    Optional<CaseFile> findByTrackingNumber(String trackingNumber);

    List<CaseFile> findByCallerPhoneIndexOrderByReceivedAtDesc(String callerPhoneIndex);
}
