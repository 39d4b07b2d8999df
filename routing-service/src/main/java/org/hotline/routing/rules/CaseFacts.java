package org.hotline.routing.rules;

import org.hotline.events.CaseKind;
import org.hotline.events.intake.CaseOpened;

/** What routing rules look at in a case. */
public record CaseFacts(CaseKind kind, String category, String subCategory, String description, String area,
        boolean supervisionComplaint) {

    public static CaseFacts of(CaseOpened opened) {
        return new CaseFacts(opened.kind(), opened.category(), opened.subCategory(), opened.description(),
                opened.location() == null ? null : opened.location().area(), opened.supervisionComplaint());
    }
}
