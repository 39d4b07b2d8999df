package org.hotline.reporting.kpi;

/**
 * The hotline's KPIs over the cases opened in a period (see the module README for each definition). Every rate
 * counts the cases as their facts stand now: a case opened in the period and resolved later counts as resolved.
 *
 * @param opened cases opened
 * @param resolved of those, cases whose current result is reported (a reopened case is not, until it is again)
 * @param closed cases closed for good
 * @param backlog cases still waiting for a department's result
 * @param overdue backlog cases the escalation ladder declared past their resolve-by deadline
 * @param emergencies emergency cases
 * @param escalations escalations (every rung but reminders)
 * @param bounces refusals by departments (退單)
 * @param reopens reopenings (重辦), every one counted
 * @param answerTimeliness calls answered within the answer threshold and walk-ins received within the walk-in
 *     threshold, over calls and walk-ins with both times recorded (接聽及時率 / 接待及時率)
 * @param handlingAccuracy resolved cases resolved by the first department they were given to (or on the spot),
 *     never refused and never reopened, over resolved cases (問題處理準確率)
 * @param onTimeAcceptance assignments signed for no later than their acceptance deadline, over assignments signed
 *     for or refused
 * @param onTimeResolution resolved cases whose result came no later than the lead department's resolve-by
 *     deadline, over resolved cases that had one (按時辦結率)
 * @param feedbackTimeliness resolved, non-anonymous cases fed back no later than the reply-by deadline, over those
 *     that had one (處理結果反饋及時率)
 * @param callbackRate resolved, non-anonymous cases whose callback reached the caller, over resolved,
 *     non-anonymous cases (回訪率)
 * @param satisfactionRate callers satisfied or basically satisfied at the latest callback that reached them, over
 *     callers who answered (滿意率; also Beijing's satisfaction rate)
 * @param meanScore mean 1–5 score of the latest callback that reached the caller
 * @param reopenRate cases reopened at least once, over cases opened
 * @param responseRate Beijing's response rate (響應率): cases answered on the spot or whose first lead department
 *     made contact in time (signed for it by the acceptance deadline, or reached the site by the on-site deadline
 *     where there is one), over cases answered on the spot or assigned
 * @param resolutionRate Beijing's resolution rate (解決率): callers reached at callback, satisfied, whose case's
 *     result is resolved, answered or adopted, over callers who answered at callback
 * @param handlingTime from opening to the current result, over resolved cases
 */
public record Kpis(long opened, long resolved, long closed, long backlog, long overdue, long emergencies,
        long escalations, long bounces, long reopens, Rate answerTimeliness, Rate handlingAccuracy,
        Rate onTimeAcceptance, Rate onTimeResolution, Rate feedbackTimeliness, Rate callbackRate,
        Rate satisfactionRate, Double meanScore, Rate reopenRate, Rate responseRate, Rate resolutionRate,
        HandlingTime handlingTime) {

    /** A share: how many of how many, and the ratio between 0 and 1 (null when there is nothing to measure). */
    public record Rate(long count, long outOf, Double value) {

        static Rate of(long count, long outOf) {
            return new Rate(count, outOf, outOf == 0 ? null : (double) count / outOf);
        }
    }

    /**
     * Handling time in hours. The 90th percentile comes from a coarse histogram kept in the buckets (bins bounded
     * at 1, 4, 8, 24, 48, 72, 120, 168, 240, 360 and 720 hours), interpolated linearly inside its bin; beyond the
     * last bound it is that bound.
     */
    public record HandlingTime(long resolved, Double meanHours, Double p90Hours) {
    }
}
