package org.hotline.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a token's roles claim into {@code ROLE_*} authorities (unknown role names are ignored) and its department
 * claim into a {@code DEPARTMENT_<code>} authority, wherever the issuer puts them.
 */
final class HotlineJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String[] rolesPath;
    private final String departmentClaim;

    HotlineJwtConverter(SecurityProperties properties) {
        this.rolesPath = properties.rolesClaim().split("\\.");
        this.departmentClaim = properties.departmentClaim();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Object role : roles(jwt.getClaims())) {
            for (Role known : Role.values()) {
                if (known.name().equals(String.valueOf(role))) {
                    authorities.add(new SimpleGrantedAuthority(known.authority()));
                }
            }
        }
        String department = jwt.getClaimAsString(departmentClaim);
        if (department != null && !department.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(HotlineUser.DEPARTMENT_AUTHORITY_PREFIX + department));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private Collection<?> roles(Map<String, Object> claims) {
        Object node = claims;
        for (String step : rolesPath) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        if (node instanceof Collection<?> values) {
            return values;
        }
        return node instanceof String single ? List.of(single.split("[ ,]+")) : List.of();
    }
}
