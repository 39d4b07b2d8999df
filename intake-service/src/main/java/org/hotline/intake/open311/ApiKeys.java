package org.hotline.intake.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured api_keys: which client a key belongs to. Only the keys' SHA-256 hashes are configured; a presented
 * key is hashed and compared in constant time.
 */
final class ApiKeys {

    private final List<Open311Properties.ApiKey> keys;

    ApiKeys(List<Open311Properties.ApiKey> keys) {
        this.keys = List.copyOf(keys);
    }

    Optional<Open311Properties.ApiKey> find(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] given = HexFormat.of().formatHex(sha256(presented)).getBytes(StandardCharsets.US_ASCII);
        Open311Properties.ApiKey found = null;
        for (Open311Properties.ApiKey key : keys) {
            if (MessageDigest.isEqual(given, key.sha256().getBytes(StandardCharsets.US_ASCII))) {
                found = key;
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
