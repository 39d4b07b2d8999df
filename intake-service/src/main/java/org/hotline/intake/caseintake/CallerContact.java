package org.hotline.intake.caseintake;

/** A caller's contact details, decrypted for someone allowed to reach the caller. */
record CallerContact(String name, String phone, String email, String organisation) {
}
