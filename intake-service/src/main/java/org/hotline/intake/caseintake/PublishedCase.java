package org.hotline.intake.caseintake;

import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Urgency;
import org.hotline.events.intake.CaseLocation;

/**
 * A case as the public may see it on the Open311 API: its tracking number, classification, status, place and media.
 * It never says who reported it.
 */
public record PublishedCase(String trackingNumber, CaseStatus status, CaseKind kind, String category,
        String subCategory, Urgency urgency, String description, CaseLocation location, String addressId,
        List<String> attachments, Instant receivedAt, Instant updatedAt, String resolvedBy, String resolutionSummary) {

    static PublishedCase of(CaseFile file) {
        return new PublishedCase(file.getTrackingNumber(), file.getStatus(), file.getKind(), file.getCategory(),
                file.getSubCategory(), file.getUrgency(), file.getDescription(), file.getLocation(),
                file.getAddressId(), file.getAttachments() == null ? List.of() : file.getAttachments(),
                file.getReceivedAt(), file.getStatusChangedAt() != null ? file.getStatusChangedAt()
                        : file.getReceivedAt(), file.getResolvedBy(), file.getResolutionSummary());
    }
}
