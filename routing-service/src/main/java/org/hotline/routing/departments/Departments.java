package org.hotline.routing.departments;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.routing.config.ReferenceData;
import org.hotline.routing.config.RoutingProperties;
import org.hotline.routing.rules.RoutingRules;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The department registry in MongoDB, seeded at the first start with the departments of the default rules.
 * <p>
 * Look-ups ({@link #exists}, {@link #find}) use a snapshot of the whole registry: a change through this instance is
 * seen at once, one through another instance within {@code hotline.routing.reference-data-ttl}. Departments are
 * never removed, so a code missing from the snapshot is looked up in the store before it is called unknown.
 */
@Service
@Order(0)
public class Departments implements ApplicationRunner {

    /** A field of a department that is not acceptable, and why. */
    public record Violation(String field, String message) {
    }

    private final DepartmentRepository departments;
    private final ReferenceData<Map<String, Department>> registry;

    Departments(DepartmentRepository departments, Clock clock, RoutingProperties properties) {
        this.departments = departments;
        this.registry = new ReferenceData<>(clock, properties.referenceDataTtl(), known -> departments.findAll()
                .stream().collect(Collectors.toUnmodifiableMap(Department::code, Function.identity())));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (departments.count() > 0) {
            return;
        }
        Set<String> codes = new java.util.TreeSet<>();
        codes.add(RoutingRules.SUPERVISION_GROUP);
        RoutingRules.defaults().rules().forEach(rule -> {
            codes.add(rule.leadDepartment());
            codes.addAll(rule.assistingDepartments());
        });
        for (String code : codes) {
            try {
                departments.insert(new Department(code, code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT),
                        null, null, new Department.Subscription(Department.Channel.KAFKA, null, null)));
            }
            catch (DuplicateKeyException ex) {
                // another instance seeded it at the same time
            }
        }
        registry.invalidate();
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    public Optional<Department> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Department known = registry.get().get(code);
        return known != null ? Optional.of(known) : departments.findById(code);
    }

    List<Department> all() {
        return departments.findAllByOrderByCodeAsc();
    }

    /** Creates or replaces a department; returns what is wrong instead if anything is. */
    List<Violation> save(Department department) {
        List<Violation> violations = validate(department);
        if (violations.isEmpty()) {
            Department.Subscription s = department.subscription();
            if (s != null && s.channel() == Department.Channel.WEBHOOK && (s.secret() == null || s.secret().isEmpty())) {
                // keep the stored secret when an update leaves it out
                String kept = departments.findById(department.code()).map(Department::subscription)
                        .map(Department.Subscription::secret).orElse(null);
                department = new Department(department.code(), department.name(), department.parent(),
                        department.contact(), new Department.Subscription(s.channel(), s.url(), kept));
                if (kept == null) {
                    return List.of(new Violation("subscription.secret", "a webhook needs a secret of 16 to 256 "
                            + "characters"));
                }
            }
            departments.save(department);
            registry.invalidate();
        }
        return violations;
    }

    private List<Violation> validate(Department d) {
        List<Violation> violations = new ArrayList<>();
        if (d.code() == null || !d.code().matches("[A-Z][A-Z0-9_]{1,63}")) {
            violations.add(new Violation("code", "2-64 capitals, digits or '_', starting with a capital"));
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            violations.add(new Violation("name", "give a name of at most 200 characters"));
        }
        if (d.contact() != null && d.contact().length() > 500) {
            violations.add(new Violation("contact", "at most 500 characters"));
        }
        if (d.parent() != null) {
            if (!exists(d.parent())) {
                violations.add(new Violation("parent", "unknown department '" + d.parent() + "'"));
            }
            else if (cycles(d.code(), d.parent())) {
                violations.add(new Violation("parent", "'" + d.parent() + "' is below '" + d.code()
                        + "': the hierarchy would loop"));
            }
        }
        Department.Subscription s = d.subscription();
        if (s == null || s.channel() == null) {
            violations.add(new Violation("subscription.channel", "KAFKA or WEBHOOK"));
        }
        else if (s.channel() == Department.Channel.WEBHOOK) {
            if (!httpUrl(s.url())) {
                violations.add(new Violation("subscription.url", "a webhook needs an absolute http(s) URL"));
            }
            if (s.secret() != null && !s.secret().isEmpty() && (s.secret().length() < 16 || s.secret().length() > 256)) {
                violations.add(new Violation("subscription.secret", "a webhook needs a secret of 16 to 256 "
                        + "characters"));
            }
        }
        return violations;
    }

    private boolean cycles(String code, String parent) {
        Set<String> seen = new HashSet<>();
        String cursor = parent;
        while (cursor != null && seen.add(cursor)) {
            if (cursor.equals(code)) {
                return true;
            }
            cursor = departments.findById(cursor).map(Department::parent).orElse(null);
        }
        return false;
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = url == null ? null : URI.create(url);
            return uri != null && uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    static Map<String, Object> problemErrors(List<Violation> violations) {
        return Map.of("errors", violations.stream().map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
    }
}
