package org.hotline.routing.calendar;

import java.time.Instant;

import org.hotline.events.CaseKind;
import org.hotline.events.Urgency;
import org.hotline.events.routing.Deadlines;

/**
 * The time limits of a case by kind and urgency, from published 12345 practice: emergencies are fed back within
 * 2 hours around the clock, general cases within 7 working days, complex cases within 15; complaints get a
 * department on site within 24 hours.
 */
public class DeadlinePolicy {

    /** The terms of one kind × urgency; {@code onSite} is null where no site visit is due. */
    public record Terms(Term accept, Term onSite, Term resolve, Term reply) {
    }

    public Terms termsFor(CaseKind kind, Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> new Terms(Term.clockMinutes(15), Term.clockHours(1), Term.clockHours(2),
                    Term.clockHours(2));
            case COMPLEX -> new Terms(Term.workingHours(4), kind == CaseKind.COMPLAINT ? Term.clockHours(24) : null,
                    Term.workingDays(12), Term.workingDays(15));
            case NORMAL -> new Terms(Term.workingHours(2), kind == CaseKind.COMPLAINT ? Term.clockHours(24) : null,
                    Term.workingDays(5), Term.workingDays(7));
        };
    }

    /** The deadlines of an assignment made at {@code assignedAt}; each department's clock starts at its own. */
    public Deadlines deadlines(CaseKind kind, Urgency urgency, Instant assignedAt, Instant caseOpenedAt,
            WorkingCalendar calendar) {
        Terms terms = termsFor(kind, urgency);
        return new Deadlines(terms.accept().from(assignedAt, calendar),
                terms.onSite() == null ? null : terms.onSite().from(assignedAt, calendar),
                terms.resolve().from(assignedAt, calendar), terms.reply().from(caseOpenedAt, calendar));
    }
}
