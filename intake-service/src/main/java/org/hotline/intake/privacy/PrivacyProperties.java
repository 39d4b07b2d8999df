package org.hotline.intake.privacy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys protecting caller data.
 *
 * @param encryptionKeys AES-256 keys by key id (base64, 32 bytes); stored values carry the id of their key, so keys
 *        rotate by adding a new one and making it active while the old ones still decrypt older records
 * @param activeKey the id of the key that encrypts new records
 * @param indexKey HMAC-SHA256 key (base64, 32 bytes) of the phone index that finds repeat callers
 * @param feedbackPublicKey feedback-service's RSA public key (base64 X.509): contact details in {@code case.opened}
 *        are sealed with it so that only feedback-service can read them
 * @param feedbackKeyId the id of that key pair, sent along so feedback-service picks the matching private key
 */
@ConfigurationProperties("hotline.privacy")
public record PrivacyProperties(Map<String, String> encryptionKeys, String activeKey, String indexKey,
        String feedbackPublicKey, String feedbackKeyId) {
}
