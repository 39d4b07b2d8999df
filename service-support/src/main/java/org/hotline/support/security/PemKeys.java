package org.hotline.support.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads an RSA public key given as PEM or as bare base64 X.509. */
final class PemKeys {

    private PemKeys() {
    }

    static PublicKey publicKey(String pemOrBase64) {
        String base64 = pemOrBase64.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalStateException("hotline.security.public-key is not an RSA public key", ex);
        }
    }
}
