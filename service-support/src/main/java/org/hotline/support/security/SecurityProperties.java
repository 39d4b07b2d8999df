package org.hotline.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks bearer tokens.
 *
 * @param enabled whether the APIs require a token (always in any deployment)
 * @param issuer the OpenID Connect issuer whose tokens are accepted, e.g. {@code https://sso.example.org/realms/hotline}
 *        (the dev stack's own authorization server is {@code http://localhost:9000})
 * @param jwkSetUri where the issuer's signing keys are; if empty, found from the issuer's OpenID metadata
 * @param publicKey a fixed RSA public key (PEM or base64 X.509) instead of fetched keys, e.g. for tests
 * @param rolesClaim the claim holding the roles; a dotted path reaches into objects, e.g. {@code realm_access.roles}
 *        for Keycloak realm roles
 * @param departmentClaim the claim holding a department caller's department code
 */
@ConfigurationProperties("hotline.security")
public record SecurityProperties(boolean enabled, String issuer, String jwkSetUri, String publicKey, String rolesClaim,
        String departmentClaim) {

    public SecurityProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        departmentClaim = departmentClaim == null || departmentClaim.isBlank() ? "department" : departmentClaim;
    }
}
