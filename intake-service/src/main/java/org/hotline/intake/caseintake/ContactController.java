package org.hotline.intake.caseintake;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The caller's contact: read by operators, revealed to a department only with a supervisor's approval. */
@RestController
class ContactController {

    private final ContactAccess contacts;

    ContactController(ContactAccess contacts) {
        this.contacts = contacts;
    }

    /** A supervisor's approval for one department. */
    record RevealRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String department,
            @NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "Approve revealing the caller's contact to a department (SUPERVISOR)",
            description = "The department may then read it for hotline.intake.contact-reveal-validity (7 days). "
                    + "Written to the audit log.")
    @PostMapping("/api/cases/{caseId}/contact-reveals")
    ResponseEntity<CaseFile.ContactReveal> approve(@PathVariable String caseId,
            @Valid @RequestBody RevealRequest request) {
        CaseFile.ContactReveal reveal = contacts.approve(caseId, request.department(), request.reason());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/contact")).body(reveal);
    }

    @Operation(summary = "The caller's contact (OPERATOR, or DEPARTMENT with an approval)",
            description = "Each read is written to the audit log with its reason.")
    @GetMapping("/api/cases/{caseId}/contact")
    CallerContact contact(@PathVariable String caseId, @RequestParam @NotBlank @Size(max = 500) String reason) {
        return contacts.read(caseId, reason);
    }
}
