package org.hotline.intake.caseintake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseLocation;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.intake.SealedContact;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A case as the front desk recorded it, with the events it raised waiting in its outbox. */
@Document("cases")
@CompoundIndex(name = "published_received", def = "{'publiclyListed': 1, 'receivedAt': -1}")
class CaseFile extends AggregateRoot {

    static final String SOURCE = "intake-service";

    /** The category of complaints about the hotline service itself: they go to the supervision group. */
    static final String HOTLINE_SERVICE = "HOTLINE_SERVICE";

    @Id
    private String id;
    @Indexed(unique = true)
    private String trackingNumber;
    @Indexed(unique = true, sparse = true)
    private String idempotencyKey;
    private Channel channel;
    private CaseKind kind;
    private String category;
    private String subCategory;
    private Urgency urgency;
    private String description;
    private CaseLocation location;
    private EncryptedCaller caller;
    @Indexed
    private String callerPhoneIndex;
    private List<String> attachments;
    private String operatorId;
    private String externalReference;
    private Instant ringStartedAt;
    private Instant answeredAt;
    private Instant arrivedAt;
    private Instant receivedAt;
    private boolean supervisionComplaint;
    private String answer;
    private List<String> possibleDuplicateOf;
    private CaseStatus status;
    /** When the latest status change happened, so that an older event arriving late changes nothing. */
    private Instant statusChangedAt;
    private String resolvedBy;
    private String resolutionSummary;
    private String outcome;
    /** Reported through the public Open311 API, and so listed there; cases from other channels stay internal. */
    private boolean publiclyListed;
    /** The reporter's address id from the jurisdiction's address register, when an Open311 client gave one. */
    private String addressId;

    private List<ContactReveal> contactReveals;

    CaseFile() {
    }

    /** Opens a case, and resolves it at once when the operator answered on the spot. */
    static CaseFile open(String id, String trackingNumber, String idempotencyKey, NewCaseRequest request,
            EncryptedCaller caller, SealedContact sealedContact, List<String> possibleDuplicateOf, Instant now) {
        CaseFile file = new CaseFile();
        file.id = id;
        file.trackingNumber = trackingNumber;
        file.idempotencyKey = idempotencyKey;
        file.channel = request.channel();
        file.kind = request.kind();
        file.category = request.category();
        file.subCategory = request.subCategory();
        file.urgency = request.urgency();
        file.description = request.description();
        NewCaseRequest.Location location = request.location();
        file.location = location == null ? null
                : new CaseLocation(location.address(), location.latitude(), location.longitude(), location.area());
        file.caller = caller;
        file.callerPhoneIndex = caller.phoneIndex();
        file.attachments = request.attachments() == null ? List.of() : List.copyOf(request.attachments());
        file.operatorId = request.operatorId();
        file.externalReference = request.externalReference();
        file.ringStartedAt = request.ringStartedAt();
        file.answeredAt = request.answeredAt();
        file.arrivedAt = request.arrivedAt();
        file.receivedAt = request.receivedAt() != null ? request.receivedAt() : now;
        file.supervisionComplaint = request.aboutHotlineService() || HOTLINE_SERVICE.equals(request.category());
        file.possibleDuplicateOf = List.copyOf(possibleDuplicateOf);
        file.status = CaseStatus.OPEN;
        file.statusChangedAt = now;

        EventEnvelope opened = EventEnvelope.first(id, now, SOURCE);
        file.raise(new CaseOpened(opened, trackingNumber, file.channel, file.kind, file.category, file.subCategory,
                file.urgency, file.description, file.location,
                new CallerProfile(caller.ref(), caller.anonymous(), caller.preferredFeedbackChannel(),
                        caller.maskedName(), caller.maskedPhone(), caller.maskedEmail(), sealedContact),
                file.supervisionComplaint, file.operatorId, file.externalReference, file.ringStartedAt,
                file.answeredAt, file.arrivedAt, file.receivedAt, file.possibleDuplicateOf));
        if (request.answer() != null && !request.answer().isBlank()) {
            file.answer = request.answer();
            file.status = CaseStatus.RESOLVED_ON_THE_SPOT;
            file.raise(new CaseResolved(EventEnvelope.causedBy(opened, now, SOURCE), null,
                    ResolutionOutcome.ANSWERED, request.answer(), null, null, null, List.of(), null, List.of(), true));
        }
        return file;
    }

    /** A supervisor's approval (審批) for one department to read the caller's contact, until it expires. */
    record ContactReveal(String departmentCode, String approvedBy, String reason, Instant approvedAt,
            Instant expiresAt) {
    }

    void approveContactReveal(ContactReveal reveal) {
        contactReveals = contactReveals == null ? new ArrayList<>() : new ArrayList<>(contactReveals);
        contactReveals.add(reveal);
    }

    /** Whether a supervisor allowed {@code departmentCode} to read the contact, and the approval still holds. */
    boolean contactRevealedTo(String departmentCode, Instant now) {
        return contactReveals != null && contactReveals.stream().anyMatch(reveal -> reveal.departmentCode()
                .equals(departmentCode) && reveal.expiresAt().isAfter(now));
    }

    /** Marks a case reported through the public Open311 API: it is listed there, by its tracking number. */
    CaseFile listPublicly(String addressId) {
        this.publiclyListed = true;
        this.addressId = addressId;
        return this;
    }

    /** A department reported its result. */
    void resolved(CaseResolved resolved) {
        if (resolved.onTheSpot() || !isNewer(resolved.occurredAt())) {
            return;
        }
        status = CaseStatus.RESOLVED;
        statusChangedAt = resolved.occurredAt();
        resolvedBy = resolved.departmentCode();
        resolutionSummary = resolved.summary();
    }

    /** The caller was not satisfied: the case is being handled again. */
    void reopened(CaseReopened reopened) {
        if (isNewer(reopened.occurredAt())) {
            status = CaseStatus.OPEN;
            statusChangedAt = reopened.occurredAt();
        }
    }

    /** Closed for good; nothing that happened before the closing changes that. */
    void closed(CaseClosed closed) {
        if (status != CaseStatus.CLOSED) {
            status = CaseStatus.CLOSED;
            statusChangedAt = closed.occurredAt();
            outcome = closed.outcome().name();
        }
    }

    private boolean isNewer(Instant occurredAt) {
        return status != CaseStatus.CLOSED && (statusChangedAt == null || !occurredAt.isBefore(statusChangedAt));
    }

    String getId() {
        return id;
    }

    String getTrackingNumber() {
        return trackingNumber;
    }

    Channel getChannel() {
        return channel;
    }

    CaseKind getKind() {
        return kind;
    }

    String getCategory() {
        return category;
    }

    String getSubCategory() {
        return subCategory;
    }

    Urgency getUrgency() {
        return urgency;
    }

    String getDescription() {
        return description;
    }

    EncryptedCaller getCaller() {
        return caller;
    }

    Instant getReceivedAt() {
        return receivedAt;
    }

    boolean isSupervisionComplaint() {
        return supervisionComplaint;
    }

    String getAnswer() {
        return answer;
    }

    List<String> getPossibleDuplicateOf() {
        return possibleDuplicateOf;
    }

    Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    String getResolvedBy() {
        return resolvedBy;
    }

    String getResolutionSummary() {
        return resolutionSummary;
    }

    String getOutcome() {
        return outcome;
    }

    CaseStatus getStatus() {
        return status;
    }

    CaseLocation getLocation() {
        return location;
    }

    List<String> getAttachments() {
        return attachments;
    }

    boolean isPubliclyListed() {
        return publiclyListed;
    }

    String getAddressId() {
        return addressId;
    }
}
