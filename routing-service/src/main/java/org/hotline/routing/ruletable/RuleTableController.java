package org.hotline.routing.ruletable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline.routing.rules.RoutingRule;
import org.hotline.routing.rules.RoutingRules;
import org.hotline.support.security.AuditTrail;
import org.hotline.support.security.HotlineUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The rule table's admin API. */
@RestController
class RuleTableController {

    private final RuleTables tables;
    private final AuditTrail audit;

    RuleTableController(RuleTables tables, AuditTrail audit) {
        this.tables = tables;
        this.audit = audit;
    }

    record RuleTableView(int version, List<RoutingRule> rules, Instant publishedAt, String publishedBy) {

        static RuleTableView of(StoredRuleTable t) {
            return new RuleTableView(t.version(), t.rules(), t.publishedAt(), t.publishedBy());
        }
    }

    record RuleTableBody(List<RoutingRule> rules) {
    }

    @Operation(summary = "The rule table in force: the first matching rule picks the departments")
    @GetMapping("/api/rules")
    RuleTableView current() {
        int version = tables.current().version();
        return tables.version(version).map(RuleTableView::of).orElseThrow();
    }

    @Operation(summary = "Every version of the rule table, oldest first")
    @GetMapping("/api/rules/versions")
    List<RuleTableView> versions() {
        tables.current();
        return tables.versions().stream().map(RuleTableView::of).toList();
    }

    @Operation(summary = "One version of the rule table (assignments record the version that chose them)")
    @GetMapping("/api/rules/versions/{version}")
    RuleTableView version(@PathVariable int version) {
        return tables.version(version).map(RuleTableView::of).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No rule table version " + version), null));
    }

    @Operation(summary = "Publish a new rule table; refused with every problem (unknown department, a rule an "
            + "earlier one shadows, bad conditions) named by rules[i].field")
    @PutMapping("/api/rules")
    RuleTableView publish(@RequestBody RuleTableBody body, @RequestParam(defaultValue = "admin") String publishedBy) {
        if (body == null || body.rules() == null || body.rules().isEmpty() || body.rules().contains(null)) {
            throw invalid(List.of(Map.of("field", "rules", "message", "give at least one rule, and no null entries")));
        }
        List<RoutingRules.Violation> violations = tables.publish(body.rules(), HotlineUser.subjectOr(publishedBy));
        if (!violations.isEmpty()) {
            throw invalid(violations.stream().map(v -> Map.of("field", "rules[" + v.index() + "]." + v.field(),
                    "message", v.reason())).toList());
        }
        RuleTableView published = current();
        audit.record(null, "RULES_PUBLISHED", "rules@" + published.version(), null);
        return published;
    }

    private static ErrorResponseException invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid rules: "
                + errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid rule table");
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
