package org.hotline.intake.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts caller contact details (AES-256-GCM, a random nonce per value) and derives the keyed hash that finds a
 * repeat caller's cases without storing the phone number in plaintext.
 */
@Component
public class CallerVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public CallerVault(PrivacyProperties properties) {
        this.encryptionKey = new SecretKeySpec(key(properties.encryptionKey(), "encryption-key"), "AES");
        this.indexKey = new SecretKeySpec(key(properties.indexKey(), "index-key"), "HmacSHA256");
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
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot encrypt caller data", ex);
        }
    }

    public String decrypt(String ciphertext) {
        if (ciphertext == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
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
        String normalised = phone.replaceAll("[^0-9+]", "");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot index caller phone", ex);
        }
    }
}
