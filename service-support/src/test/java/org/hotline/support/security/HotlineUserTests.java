package org.hotline.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class HotlineUserTests {

    static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("dept-facilities");
        claims.forEach(builder::claim);
        return builder.build();
    }

    static HotlineUser user(SecurityProperties properties, Map<String, Object> claims) {
        var authentication = new HotlineJwtConverter(properties).convert(jwt(claims));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            return HotlineUser.current();
        }
        finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    static final SecurityProperties DEFAULTS = new SecurityProperties(true, null, null, null, null, null);

    @Test
    void whenATokenNamesRolesAndADepartmentThenTheUserHasThemAndUnknownRolesAreIgnored() {
        HotlineUser user = user(DEFAULTS, Map.of("roles", java.util.List.of("DEPARTMENT", "ROOT"), "department",
                "FACILITIES"));

        assertThat(user.subject()).isEqualTo("dept-facilities");
        assertThat(user.roles()).containsExactly(Role.DEPARTMENT);
        assertThat(user.department()).isEqualTo("FACILITIES");
    }

    @Test
    void whenRolesSitInANestedClaimThenTheDottedPathFindsThem() {
        SecurityProperties keycloak = new SecurityProperties(true, null, null, null, "realm_access.roles", "dept");
        HotlineUser user = user(keycloak, Map.of("realm_access", Map.of("roles", java.util.List.of("SUPERVISOR")),
                "dept", "LOGISTICS"));

        assertThat(user.roles()).containsExactly(Role.SUPERVISOR);
        assertThat(user.department()).isEqualTo("LOGISTICS");
    }

    @Test
    void whenDepartmentStaffAskThenTheySeeAndActOnlyForTheirOwnDepartment() {
        HotlineUser staff = new HotlineUser("dept-facilities", Set.of(Role.DEPARTMENT), "FACILITIES");
        HotlineUser supervisor = new HotlineUser("sup", Set.of(Role.SUPERVISOR), null);
        HotlineUser analyst = new HotlineUser("ana", Set.of(Role.ANALYST), null);

        assertThat(staff.maySee("FACILITIES")).isTrue();
        assertThat(staff.maySee("LOGISTICS")).isFalse();
        assertThat(staff.mayActFor("FACILITIES")).isTrue();
        assertThat(staff.mayActFor("LOGISTICS")).isFalse();
        assertThat(supervisor.mayActFor("LOGISTICS")).isTrue();
        assertThat(analyst.maySee("LOGISTICS")).isTrue();
        assertThat(analyst.mayActFor("LOGISTICS")).isFalse();
    }
}
