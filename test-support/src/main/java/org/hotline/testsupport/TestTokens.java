package org.hotline.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Bearer tokens for service tests, signed with a key pair made for the test JVM. {@link HotlineServiceTest}
 * configures the service under test to trust exactly this key and {@link #ISSUER}; {@link TestHttp} sends
 * {@link #allRoles()} unless a test gives its own token.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.hotline.test";

    /** Every Hotline role, for tests about behaviour rather than access. */
    public static final List<String> ALL_ROLES = List.of("OPERATOR", "DEPARTMENT", "SUPERVISOR", "ANALYST", "ADMIN",
            "INTEGRATION");

    private static final KeyPair TRUSTED = keyPair();
    private static final KeyPair UNTRUSTED = keyPair();

    private TestTokens() {
    }

    /** The public key services under test trust, base64 X.509. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(TRUSTED.getPublic().getEncoded());
    }

    /** A valid token for {@code subject} with the given roles (and department, if not null). */
    public static String token(String subject, String department, String... roles) {
        return sign(TRUSTED, ISSUER, subject, department, List.of(roles), Instant.now().plus(Duration.ofMinutes(30)));
    }

    public static String allRoles() {
        return sign(TRUSTED, ISSUER, "test-superuser", null, ALL_ROLES, Instant.now().plus(Duration.ofMinutes(30)));
    }

    /** A token that expired an hour ago. */
    public static String expired(String... roles) {
        return sign(TRUSTED, ISSUER, "late-client", null, List.of(roles), Instant.now().minus(Duration.ofHours(1)));
    }

    /** A token signed by a key the services do not trust. */
    public static String badlySigned(String... roles) {
        return sign(UNTRUSTED, ISSUER, "forger", null, List.of(roles), Instant.now().plus(Duration.ofMinutes(30)));
    }

    /** A token from another issuer, signed with the trusted key. */
    public static String otherIssuer(String... roles) {
        return sign(TRUSTED, "https://elsewhere.example", "stranger", null, List.of(roles),
                Instant.now().plus(Duration.ofMinutes(30)));
    }

    private static String sign(KeyPair keys, String issuer, String subject, String department, List<String> roles,
            Instant expiresAt) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withKeyPair((RSAPublicKey) keys.getPublic(),
                (RSAPrivateKey) keys.getPrivate()).build();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).subject(subject)
                .issuedAt(expiresAt.minus(Duration.ofHours(2))).expiresAt(expiresAt).claim("roles", roles);
        if (department != null) {
            claims.claim("department", department);
        }
        return encoder.encode(JwtEncoderParameters.from(claims.build())).getTokenValue();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
