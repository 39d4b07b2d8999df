package org.hotline.routing.calendar;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline.events.calendar.Term;

/**
 * The time limits of one kind × urgency. Any of them may be null where no such milestone is due (e.g. on site
 * only for complaints).
 *
 * @param accept from the assignment: the department signs for the case (簽收)
 * @param onSite from the assignment: on site, or first contact with the caller
 * @param handle from the assignment: handling has started
 * @param resolve from the assignment: handling finished and the result reported (辦結)
 * @param reply from the case's promise start (intake, or the rework): the caller is told the result (反饋)
 * @param callback from the reply deadline: the satisfaction callback (回訪)
 */
public record Terms(Term accept, Term onSite, Term handle, Term resolve, Term reply, Term callback) {

    /** The names used in configuration and in the README, in order. */
    public static final java.util.List<String> MILESTONES = java.util.List.of("accept", "on-site", "handle",
            "resolve", "reply", "callback");

    /**
     * These terms with some replaced: {@code overrides} maps a milestone name of {@link #MILESTONES} to a term in
     * {@link TermFormat} ({@code none} removes the milestone).
     *
     * @throws IllegalArgumentException naming the milestone that is unknown or whose term cannot be read
     */
    public Terms with(Map<String, String> overrides) {
        Map<String, Term> terms = asMap();
        overrides.forEach((milestone, text) -> {
            if (!terms.containsKey(milestone)) {
                throw new IllegalArgumentException("Unknown milestone '" + milestone + "'; known: " + MILESTONES);
            }
            try {
                terms.put(milestone, TermFormat.parse(text));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(milestone + ": " + ex.getMessage(), ex);
            }
        });
        return new Terms(terms.get("accept"), terms.get("on-site"), terms.get("handle"), terms.get("resolve"),
                terms.get("reply"), terms.get("callback"));
    }

    /** Milestone name to term (null where none is due), in {@link #MILESTONES} order. */
    public Map<String, Term> asMap() {
        Map<String, Term> terms = new LinkedHashMap<>();
        terms.put("accept", accept);
        terms.put("on-site", onSite);
        terms.put("handle", handle);
        terms.put("resolve", resolve);
        terms.put("reply", reply);
        terms.put("callback", callback);
        return terms;
    }
}
