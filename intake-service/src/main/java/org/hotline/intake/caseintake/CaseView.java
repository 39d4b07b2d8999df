package org.hotline.intake.caseintake;

import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.Urgency;

/** A case as the front desk sees it: no caller contact details. */
record CaseView(String caseId, String trackingNumber, String status, Channel channel, CaseKind kind,
        String category, String subCategory, Urgency urgency, String description, boolean anonymousCaller,
        boolean supervisionComplaint, Instant receivedAt, String answer, List<String> possibleDuplicateOf) {

    static CaseView of(CaseFile file) {
        return new CaseView(file.getId(), file.getTrackingNumber(), file.getStatus().name(), file.getChannel(),
                file.getKind(), file.getCategory(), file.getSubCategory(), file.getUrgency(), file.getDescription(),
                file.getCaller().anonymous(), file.isSupervisionComplaint(), file.getReceivedAt(), file.getAnswer(),
                file.getPossibleDuplicateOf());
    }
}
