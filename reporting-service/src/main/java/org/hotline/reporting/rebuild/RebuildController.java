package org.hotline.reporting.rebuild;

import org.hotline.support.security.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Administration: rebuild the ledger and the KPI buckets from the topics. */
@RestController
class RebuildController {

    private final Rebuild rebuild;
    private final AuditTrail audit;

    RebuildController(Rebuild rebuild, AuditTrail audit) {
        this.rebuild = rebuild;
        this.audit = audit;
    }

    @Operation(summary = "Starts a rebuild: replays every case topic from the beginning into fresh collections "
            + "and switches over when done. 202 with the progress; 409 if a rebuild runs already")
    @PostMapping("/api/admin/rebuild")
    ResponseEntity<Rebuild.Status> start() {
        try {
            Rebuild.Status started = rebuild.start();
            audit.record(null, "PROJECTIONS_REBUILD_STARTED", "ledger and KPI buckets", null);
            return ResponseEntity.accepted().body(started);
        }
        catch (IllegalStateException running) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.getMessage());
            problem.setTitle("A rebuild is running");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
    }

    @Operation(summary = "The progress of the latest rebuild started by this instance")
    @GetMapping("/api/admin/rebuild")
    Rebuild.Status status() {
        return rebuild.status();
    }
}
