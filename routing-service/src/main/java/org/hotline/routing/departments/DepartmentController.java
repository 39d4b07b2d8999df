package org.hotline.routing.departments;

import java.util.List;
import java.util.stream.Collectors;

import org.hotline.support.security.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The department registry's admin API. Webhook secrets are write-only. */
@RestController
class DepartmentController {

    private final Departments departments;
    private final AuditTrail audit;

    DepartmentController(Departments departments, AuditTrail audit) {
        this.departments = departments;
        this.audit = audit;
    }

    record SubscriptionView(Department.Channel channel, String url, boolean secretSet) {
    }

    record DepartmentView(String code, String name, String parent, String contact, SubscriptionView subscription) {

        static DepartmentView of(Department d) {
            Department.Subscription s = d.subscription();
            return new DepartmentView(d.code(), d.name(), d.parent(), d.contact(), s == null ? null
                    : new SubscriptionView(s.channel(), s.url(), s.secret() != null));
        }
    }

    record DepartmentBody(String name, String parent, String contact, Department.Subscription subscription) {
    }

    @Operation(summary = "Every department")
    @GetMapping("/api/departments")
    List<DepartmentView> all() {
        return departments.all().stream().map(DepartmentView::of).toList();
    }

    @Operation(summary = "One department")
    @GetMapping("/api/departments/{code}")
    DepartmentView one(@PathVariable String code) {
        return departments.find(code).map(DepartmentView::of).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No department " + code), null));
    }

    @Operation(summary = "Create or replace a department (a webhook's secret may be left out to keep the stored one)")
    @PutMapping("/api/departments/{code}")
    DepartmentView save(@PathVariable String code, @RequestBody DepartmentBody body) {
        Department department = new Department(code, body.name(), body.parent(), body.contact(),
                body.subscription());
        List<Departments.Violation> violations = departments.save(department);
        if (!violations.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: "
                    + violations.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
            problem.setTitle("Invalid department");
            problem.setProperties(Departments.problemErrors(violations));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        audit.record(null, "DEPARTMENT_SAVED", "department:" + code, null);
        return one(code);
    }
}
