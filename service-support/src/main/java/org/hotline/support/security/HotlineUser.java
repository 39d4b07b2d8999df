package org.hotline.support.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the token's subject, roles and, for department staff, department.
 *
 * @param department the department code of a DEPARTMENT caller; null otherwise
 */
public record HotlineUser(String subject, Set<Role> roles, String department) {

    /** Stands for the caller when security is switched off (local experiments only): every role, no department. */
    public static final HotlineUser UNSECURED = new HotlineUser("anonymous", EnumSet.allOf(Role.class), null);

    /** A department caller's department travels as the authority {@code DEPARTMENT_<code>}. */
    static final String DEPARTMENT_AUTHORITY_PREFIX = "DEPARTMENT_";

    public HotlineUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The caller of the current request. */
    public static HotlineUser current() {
        return fromContext().orElse(UNSECURED);
    }

    /** The token subject of the caller, or {@code given} when security is switched off and no token names one. */
    public static String subjectOr(String given) {
        return fromContext().map(HotlineUser::subject).orElse(given);
    }

    static Optional<HotlineUser> fromContext() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String department = null;
        for (GrantedAuthority authority : jwt.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(DEPARTMENT_AUTHORITY_PREFIX)) {
                department = name.substring(DEPARTMENT_AUTHORITY_PREFIX.length());
            }
            Arrays.stream(Role.values()).filter(r -> r.authority().equals(name)).forEach(roles::add);
        }
        return Optional.of(new HotlineUser(jwt.getName(), roles, department));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /**
     * Whether this caller may see a department's cases: department staff only their own department; operators,
     * supervisors, analysts and admins any.
     */
    public boolean maySee(String departmentCode) {
        if (hasAny(Role.OPERATOR, Role.SUPERVISOR, Role.ANALYST, Role.ADMIN)) {
            return true;
        }
        return has(Role.DEPARTMENT) && department != null && department.equals(departmentCode);
    }

    /**
     * Whether this caller may act for a department (sign for, reject, report on its assignments): its own staff,
     * or a supervisor.
     */
    public boolean mayActFor(String departmentCode) {
        if (has(Role.SUPERVISOR)) {
            return true;
        }
        return has(Role.DEPARTMENT) && department != null && department.equals(departmentCode);
    }

    /** The roles as one string for audit entries, e.g. {@code SUPERVISOR} or {@code INTEGRATION,OPERATOR}. */
    public String roleNames() {
        return String.join(",", roles.stream().map(Role::name).sorted().toList());
    }
}
