package org.hotline.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTests {

    private final AtomicInteger checks = new AtomicInteger();

    private JwtDecoder delegate(Instant expiresAt) {
        return token -> {
            checks.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("front-desk")
                    .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
        };
    }

    @Test
    void aTokenIsCheckedOnceWhileItIsValid() {
        JwtDecoder decoder = new CachingJwtDecoder(delegate(Instant.now().plusSeconds(300)), 100,
                Duration.ofMinutes(5));

        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode("token-a").getSubject()).isEqualTo("front-desk");
        }
        decoder.decode("token-b");

        assertThat(checks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        JwtDecoder decoder = new CachingJwtDecoder(delegate(Instant.now().plusSeconds(300)), 100,
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(checks).hasValue(2);
    }

    @Test
    void anExpiredTokenIsCheckedAgainNotTakenFromMemory() {
        JwtDecoder decoder = new CachingJwtDecoder(delegate(Instant.now().minusSeconds(1)), 100,
                Duration.ofMinutes(5));

        decoder.decode("token-old");
        decoder.decode("token-old");

        assertThat(checks).hasValue(2);
    }
}
