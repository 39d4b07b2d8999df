package org.hotline.intake.caseintake;

/** The answer to a new case: its id and the tracking number to read to the caller. */
record CaseCreated(String caseId, String trackingNumber) {
}
