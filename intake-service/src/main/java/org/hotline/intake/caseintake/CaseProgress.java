package org.hotline.intake.caseintake;

import java.util.function.BiConsumer;

import org.hotline.events.HotlineEvent;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.support.outbox.RetryOnConflict;
import org.springframework.stereotype.Service;

/**
 * Keeps the front desk's view of a case current as it is resolved, reopened and closed elsewhere, so a caller asking
 * by tracking number (or an Open311 client) hears where the case stands. Each event is applied once; one that
 * arrives after a later change is ignored.
 */
@Service
class CaseProgress {

    private final CaseFileRepository cases;

    CaseProgress(CaseFileRepository cases) {
        this.cases = cases;
    }

    @RetryOnConflict
    void resolved(CaseResolved resolved) {
        if (!CaseFile.SOURCE.equals(resolved.envelope().source())) {
            apply(resolved, CaseFile::resolved);
        }
    }

    @RetryOnConflict
    void reopened(CaseReopened reopened) {
        apply(reopened, CaseFile::reopened);
    }

    @RetryOnConflict
    void closed(CaseClosed closed) {
        apply(closed, CaseFile::closed);
    }

    private <E extends HotlineEvent> void apply(E event, BiConsumer<CaseFile, E> change) {
        cases.findById(event.caseId()).ifPresent(file -> {
            if (file.firstDelivery(event.eventId())) {
                change.accept(file, event);
                cases.save(file);
            }
        });
    }
}
