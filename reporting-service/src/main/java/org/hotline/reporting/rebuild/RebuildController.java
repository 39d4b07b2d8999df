package org.hotline.reporting.rebuild;

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

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Starts a rebuild: replays every case topic from the beginning into fresh collections "
            + "and switches over when done. 202 with the progress; 409 if a rebuild runs already")
    @PostMapping("/api/admin/rebuild")
    ResponseEntity<Rebuild.Status> start() {
        try {
            return ResponseEntity.accepted().body(rebuild.start());
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
