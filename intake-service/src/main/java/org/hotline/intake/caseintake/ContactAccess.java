package org.hotline.intake.caseintake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.hotline.intake.privacy.CallerVault;
import org.hotline.support.outbox.RetryOnConflict;
import org.hotline.support.security.AuditTrail;
import org.hotline.support.security.HotlineUser;
import org.hotline.support.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Who may read a caller's contact: operators, who reach callers as their job, and a department only after a
 * supervisor approved it (審批) for that case. Every read and every approval is written to the audit log, which
 * never holds the contact itself.
 */
@Service
class ContactAccess {

    static final String READ = "CONTACT_READ";
    static final String APPROVED = "CONTACT_REVEAL_APPROVED";

    private final CaseFileRepository cases;
    private final CallerVault vault;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration validity;

    ContactAccess(CaseFileRepository cases, CallerVault vault, AuditTrail audit, Clock clock,
            @Value("${hotline.intake.contact-reveal-validity:P7D}") Duration validity) {
        this.cases = cases;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity;
    }

    /** A supervisor lets {@code departmentCode} read the contact of case {@code caseId} for a while. */
    @RetryOnConflict
    CaseFile.ContactReveal approve(String caseId, String departmentCode, String reason) {
        CaseFile file = cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        Instant now = clock.instant();
        CaseFile.ContactReveal reveal = new CaseFile.ContactReveal(departmentCode, HotlineUser.current().subject(),
                reason, now, now.plus(validity));
        file.approveContactReveal(reveal);
        cases.save(file);
        audit.record(caseId, APPROVED, "contact:" + departmentCode, reason);
        return reveal;
    }

    /** The caller's contact, for the current user if allowed, with the reason recorded. */
    CallerContact read(String caseId, String reason) {
        HotlineUser user = HotlineUser.current();
        CaseFile file = cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (!user.has(Role.OPERATOR)) {
            if (!user.has(Role.DEPARTMENT) || user.department() == null) {
                throw new CaseNotFoundException(caseId);
            }
            if (!file.contactRevealedTo(user.department(), clock.instant())) {
                throw new ErrorResponseException(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(
                        HttpStatus.FORBIDDEN, "A supervisor has not approved revealing this caller's contact to "
                                + user.department() + " (POST /api/cases/" + caseId + "/contact-reveals)"), null);
            }
        }
        EncryptedCaller caller = file.getCaller();
        if (caller.anonymous()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "The caller of case " + caseId + " stayed anonymous: no contact"), null);
        }
        audit.record(caseId, READ, "contact", reason);
        return new CallerContact(vault.decrypt(caller.name()), vault.decrypt(caller.phone()),
                vault.decrypt(caller.email()), vault.decrypt(caller.organisation()));
    }
}
