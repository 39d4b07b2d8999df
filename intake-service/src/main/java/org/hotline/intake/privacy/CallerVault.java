package org.hotline.intake.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.hotline.events.intake.SealedContact;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Protects caller contact details: encrypts them at rest (AES-256-GCM, a random nonce per value, the key id stored
 * with the ciphertext as {@code <keyId>:<base64>}), derives the keyed hash that finds a repeat caller's cases without
 * storing the phone number, and seals the contact for feedback-service.
 */
@Component
public class CallerVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> encryptionKeys = new LinkedHashMap<>();
    private final String activeKey;
    private final SecretKeySpec indexKey;
    private final PublicKey feedbackKey;
    private final String feedbackKeyId;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json = JsonMapper.builder().build();
    /**
     * One cipher and one MAC per thread, made once: looking them up among the security providers costs more than
     * using them. A cipher is initialised again (key and fresh nonce) for every value, so nothing carries over.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> newInstance(() -> Cipher.getInstance(
            "AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs;

    public CallerVault(PrivacyProperties properties) {
        if (properties.encryptionKeys() == null || properties.encryptionKeys().isEmpty()) {
            throw new IllegalStateException("hotline.privacy.encryption-keys is not set");
        }
        properties.encryptionKeys().forEach((id, key) -> {
            if (id.contains(":")) {
                throw new IllegalStateException("A key id must not contain ':' (" + id + ")");
            }
            encryptionKeys.put(id, new SecretKeySpec(key(key, "encryption-keys." + id), "AES"));
        });
        if (!encryptionKeys.containsKey(properties.activeKey())) {
            throw new IllegalStateException("hotline.privacy.active-key names no configured encryption key");
        }
        this.activeKey = properties.activeKey();
        this.indexKey = new SecretKeySpec(key(properties.indexKey(), "index-key"), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newInstance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return mac;
        }));
        this.feedbackKey = SealedContact.publicKey(properties.feedbackPublicKey());
        this.feedbackKeyId = properties.feedbackKeyId();
    }

    private interface CryptoFactory<T> {
        T create() throws GeneralSecurityException;
    }

    private static <T> T newInstance(CryptoFactory<T> factory) {
        try {
            return factory.create();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("This JVM lacks AES-GCM or HMAC-SHA256", ex);
        }
    }

    private static byte[] key(String base64, String name) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("hotline.privacy." + name + " is not set");
        }
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException("hotline.privacy." + name + " must be 32 bytes, base64-encoded");
        }
        return key;
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKeys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(activeKey.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return activeKey + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length
                    + sealed.length).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot encrypt caller data", ex);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        String keyId = colon < 0 ? "" : stored.substring(0, colon);
        SecretKeySpec key = encryptionKeys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Caller data encrypted with key '" + keyId + "', which is not configured");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot decrypt caller data", ex);
        }
    }

    /** The keyed hash of a phone number, after normalising it to its digits (and a leading +). */
    public String phoneIndex(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        StringBuilder normalised = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+') {
                normalised.append(c);
            }
        }
        // doFinal leaves the MAC ready for the next value under the same key
        return HexFormat.of().formatHex(macs.get().doFinal(normalised.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The contact details sealed so that only feedback-service can read them; null if there are none. */
    public SealedContact sealForFeedback(String name, String phone, String email, String organisation) {
        if (name == null && phone == null && email == null && organisation == null) {
            return null;
        }
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("name", name);
        contact.put("phone", phone);
        contact.put("email", email);
        contact.put("organisation", organisation);
        return SealedContact.seal(json.writeValueAsString(contact), feedbackKeyId, feedbackKey);
    }
}
