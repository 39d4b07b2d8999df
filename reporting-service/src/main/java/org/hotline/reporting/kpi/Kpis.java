package org.hotline.reporting.kpi;

/**
 * The hotline's KPIs over a set of cases.
 *
 * @param opened cases opened
 * @param resolved of those, cases with a result
 * @param closed of those, cases closed for good
 * @param answerTimeliness phone calls answered within the threshold, over phone calls with ring and answer times
 *     (接聽及時率)
 * @param onTimeResolution cases resolved no later than their assignment's resolve-by deadline, over resolved
 *     cases that had one (按時辦結率)
 * @param satisfaction callers satisfied or basically satisfied at the latest callback, over cases whose callback
 *     reached the caller (滿意率)
 * @param callbackRate resolved cases whose callback reached the caller, over resolved cases that were not
 *     anonymous (回訪率)
 * @param escalations escalations, every rung counted
 * @param bounces refusals by departments (推諉), counted against routing accuracy
 * @param reopens cases sent back for re-handling
 */
record Kpis(long opened, long resolved, long closed, Rate answerTimeliness, Rate onTimeResolution,
        Rate satisfaction, Rate callbackRate, long escalations, long bounces, long reopens) {

    /**
     * A share: how many of how many, and the ratio between 0 and 1 (null when there is nothing to measure).
     */
    record Rate(long count, long outOf, Double value) {

        static Rate of(long count, long outOf) {
            return new Rate(count, outOf, outOf == 0 ? null : (double) count / outOf);
        }
    }
}
