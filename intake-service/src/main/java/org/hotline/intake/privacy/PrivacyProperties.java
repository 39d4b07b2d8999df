package org.hotline.intake.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys protecting caller data at rest: an AES-256 key for contact details and an HMAC key for the phone index.
 * Both are base64-encoded 32-byte keys; the defaults are for the dev stack only.
 */
@ConfigurationProperties("hotline.privacy")
public record PrivacyProperties(String encryptionKey, String indexKey) {
}
