package org.hotline.intake.caseintake;

/** Where a case stands as far as the front desk knows. */
public enum CaseStatus {
    OPEN, RESOLVED_ON_THE_SPOT
}
