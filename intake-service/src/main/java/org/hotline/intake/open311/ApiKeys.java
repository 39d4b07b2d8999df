package org.hotline.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** The configured api_keys: which client a key belongs to, compared in constant time. */
final class ApiKeys {

    private final List<Open311Properties.ApiKey> keys;

    ApiKeys(List<Open311Properties.ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    Optional<Open311Properties.ApiKey> find(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        Open311Properties.ApiKey found = null;
        for (Open311Properties.ApiKey key : keys) {
            if (MessageDigest.isEqual(given, key.key().getBytes(StandardCharsets.UTF_8))) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }
}
