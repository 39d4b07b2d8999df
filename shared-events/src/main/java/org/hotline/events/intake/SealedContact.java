package org.hotline.events.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * A caller's contact details sealed for the one service that must reach the caller (feedback-service): the details
 * are encrypted with a fresh AES-256-GCM key, and that key with the recipient's RSA public key (RSA-OAEP, SHA-256).
 * Every other consumer of {@code case.opened} sees only the masked contact. The recipient's key id travels along so
 * keys can rotate: the recipient keeps its older private keys until no sealed contact needs them.
 *
 * @param keyId the id of the recipient key pair that can open it
 * @param encryptedKey the AES key, RSA-OAEP encrypted, base64
 * @param ciphertext nonce (12 bytes) followed by the AES-GCM ciphertext of the contact JSON, base64
 */
public record SealedContact(String keyId, String encryptedKey, String ciphertext) {

    private static final String RSA = "RSA/ECB/OAEPWithSHA-256AndMGF1Padding";
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Seals {@code plaintext} (the contact details as JSON) for the holder of the private key {@code keyId}. */
    public static SealedContact seal(String plaintext, String keyId, PublicKey recipient) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey dataKey = generator.generateKey();
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = aes.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Cipher rsa = Cipher.getInstance(RSA);
            rsa.init(Cipher.ENCRYPT_MODE, recipient, OAEP);
            byte[] wrappedKey = rsa.doFinal(dataKey.getEncoded());
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedContact(keyId, base64.encodeToString(wrappedKey),
                    base64.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                            .array()));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Cannot seal caller contact", ex);
        }
    }

    /** Opens the contact with the recipient's private key for {@link #keyId()}. */
    public String open(PrivateKey recipient) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            Cipher rsa = Cipher.getInstance(RSA);
            rsa.init(Cipher.DECRYPT_MODE, recipient, OAEP);
            byte[] dataKey = rsa.doFinal(base64.decode(encryptedKey));
            byte[] all = base64.decode(ciphertext);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, all, 0,
                    NONCE_BYTES));
            return new String(aes.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("Cannot open caller contact sealed for key " + keyId, ex);
        }
    }

    /** An RSA public key from its base64 X.509 (SubjectPublicKeyInfo) encoding. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("Not an RSA public key (base64 X.509 expected)", ex);
        }
    }

    /** An RSA private key from its base64 PKCS#8 encoding. */
    public static PrivateKey privateKey(String base64) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("Not an RSA private key (base64 PKCS#8 expected)", ex);
        }
    }
}
