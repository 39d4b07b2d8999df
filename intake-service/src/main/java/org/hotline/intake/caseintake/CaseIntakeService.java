package org.hotline.intake.caseintake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotline.events.intake.SealedContact;
import org.hotline.intake.privacy.CallerVault;
import org.hotline.intake.privacy.ContactMasking;
import org.hotline.intake.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Takes cases from front desks: validates the classification, protects caller data, opens the case. */
@Service
public class CaseIntakeService {

    private static final Logger log = LoggerFactory.getLogger(CaseIntakeService.class);

    private final CaseFileRepository cases;
    private final RecentCalls recentCalls;
    private final TrackingNumbers trackingNumbers;
    private final CallerVault vault;
    private final Taxonomy taxonomy;
    private final Clock clock;

    CaseIntakeService(CaseFileRepository cases, RecentCalls recentCalls, TrackingNumbers trackingNumbers,
            CallerVault vault, Taxonomy taxonomy, Clock clock) {
        this.cases = cases;
        this.recentCalls = recentCalls;
        this.trackingNumbers = trackingNumbers;
        this.vault = vault;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /** The outcome of a POST: the case, and whether this request created it or repeated an earlier one. */
    record Intake(CaseFile file, boolean created) {
    }

    Intake open(NewCaseRequest request, String idempotencyKey) {
        return open(request, idempotencyKey, null);
    }

    /**
     * Opens a case reported through the public Open311 API. Such a case is listed there, by its tracking number;
     * cases from other channels never are.
     *
     * @param addressId the reporter's address id from the jurisdiction's address register, if given
     * @throws UnknownCategoryException when the taxonomy does not know the classification
     */
    public PublishedCase openPublicReport(NewCaseRequest request, String addressId, String idempotencyKey) {
        return PublishedCase.of(open(request, idempotencyKey, new PublicListing(addressId)).file());
    }

    /** The publicly listed case with this tracking number. */
    public Optional<PublishedCase> findPublished(String trackingNumber) {
        return cases.findByTrackingNumber(trackingNumber).filter(CaseFile::isPubliclyListed).map(PublishedCase::of);
    }

    /** Publicly listed cases matching the query, newest first. */
    public List<PublishedCase> findPublished(PublicCaseQuery query) {
        return cases.findPublished(query).stream().map(PublishedCase::of).toList();
    }

    private record PublicListing(String addressId) {
    }

    /**
     * Opens the case. The store sees two commands for a case from a caller with a phone number (recording it among
     * the caller's recent calls, inserting it) and one for others, plus a tracking-number block now and then. An
     * {@code Idempotency-Key} is not looked up first: the unique index refuses the insert of a retry, which then
     * returns the case the first request opened.
     */
    private Intake open(NewCaseRequest request, String idempotencyKey, PublicListing listing) {
        if (!taxonomy.knows(request.category(), request.subCategory())) {
            // a retry still gets its case should the category have been withdrawn since the first request
            Optional<CaseFile> earlier = idempotencyKey == null ? Optional.empty()
                    : cases.findByIdempotencyKey(idempotencyKey);
            return earlier.map(file -> new Intake(file, false))
                    .orElseThrow(() -> new UnknownCategoryException(request.category(), request.subCategory()));
        }
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() != null ? request.receivedAt() : now;
        String caseId = UUID.randomUUID().toString();
        EncryptedCaller caller = protect(request.caller());
        RecentCalls.Recent recent = caller.phoneIndex() == null ? null
                : recentCalls.record(caller.phoneIndex(), request.category(), caseId, receivedAt, now);
        CaseFile file = CaseFile.open(caseId, trackingNumbers.next(now), idempotencyKey, request, caller,
                sealForFeedback(request.caller()), recent == null ? List.of() : recent.caseIds(), now);
        if (listing != null) {
            file.listPublicly(listing.addressId());
        }
        try {
            file = cases.insert(file);
        }
        catch (DuplicateKeyException ex) {
            Optional<CaseFile> earlier = idempotencyKey == null ? Optional.empty()
                    : cases.findByIdempotencyKey(idempotencyKey);
            if (recent != null) {
                tidy(() -> recentCalls.forget(recent, caseId), caseId);
            }
            // a retry with the same Idempotency-Key: the first request opened the case
            return earlier.map(first -> new Intake(first, false)).orElseThrow(() -> ex);
        }
        if (recent != null && recent.expired()) {
            tidy(() -> recentCalls.pullExpired(recent), caseId);
        }
        log.info("Opened case {} ({}) from {}", file.getId(), file.getTrackingNumber(), request.channel());
        return new Intake(file, true);
    }

    Optional<CaseFile> find(String caseId) {
        return cases.findById(caseId);
    }

    Optional<CaseFile> findByTrackingNumber(String trackingNumber) {
        return cases.findByTrackingNumber(trackingNumber);
    }

    List<CaseFile> findByPhone(String phone) {
        String index = vault.phoneIndex(phone);
        return index == null ? List.of() : cases.findByCallerPhoneIndexOrderByReceivedAtDesc(index);
    }

    private EncryptedCaller protect(NewCaseRequest.Caller caller) {
        return new EncryptedCaller("cr-" + UUID.randomUUID(), vault.encrypt(caller.name()),
                vault.encrypt(caller.phone()), vault.encrypt(caller.email()), vault.encrypt(caller.organisation()),
                vault.phoneIndex(caller.phone()), caller.anonymous(), caller.preferredFeedbackChannel(),
                ContactMasking.name(caller.name()), ContactMasking.phone(caller.phone()),
                ContactMasking.email(caller.email()));
    }

    /** The contact details sealed for feedback-service, which alone may reach the caller. */
    private SealedContact sealForFeedback(NewCaseRequest.Caller caller) {
        return caller.anonymous() ? null
                : vault.sealForFeedback(caller.name(), caller.phone(), caller.email(), caller.organisation());
    }

    /**
     * Tidies the caller's recent calls. The case's fate is settled whatever happens here: should the store fail now,
     * the document only keeps calls that later lookups skip (expired) or that name a case never opened.
     */
    private void tidy(Runnable change, String caseId) {
        try {
            change.run();
        }
        catch (DataAccessException ex) {
            log.warn("Recent calls not tidied after case {}: {}", caseId, ex.getClass().getSimpleName());
        }
    }
}
