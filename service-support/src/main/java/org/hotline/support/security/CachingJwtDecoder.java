package org.hotline.support.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Remembers the tokens it has checked, so a client that sends the same bearer token with every request (a front
 * desk posting cases all day) costs one signature check per token, not one per request.
 * <p>
 * A remembered token is forgotten when it expires (or after {@code maxAge}, whichever comes first); a token the
 * delegate refused is never remembered. The cache is bounded, least recently used tokens go first.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> checked;

    CachingJwtDecoder(JwtDecoder delegate, int maxTokens, Duration maxAge) {
        this.delegate = delegate;
        this.checked = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new Expiry<String, Jwt>() {
            @Override
            public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
                Instant expiresAt = jwt.getExpiresAt();
                Duration left = expiresAt == null ? maxAge : Duration.between(Instant.now(), expiresAt);
                return Math.max(0, Math.min(left.toNanos(), maxAge.toNanos()));
            }

            @Override
            public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = checked.getIfPresent(token);
        if (known != null && (known.getExpiresAt() == null || Instant.now().isBefore(known.getExpiresAt()))) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        checked.put(token, jwt);
        return jwt;
    }
}
