package org.hotline.events.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SealedContactTests {

    static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void whenTheRecipientOpensASealedContactThenItReadsTheDetails() throws Exception {
        KeyPair feedback = rsa();
        String contact = "{\"name\":\"李四\",\"phone\":\"13900139000\"}";

        SealedContact sealed = SealedContact.seal(contact, "fb-2026", feedback.getPublic());

        assertThat(sealed.keyId()).isEqualTo("fb-2026");
        assertThat(sealed.ciphertext() + sealed.encryptedKey()).doesNotContain("13900139000");
        assertThat(sealed.open(feedback.getPrivate())).isEqualTo(contact);
    }

    @Test
    void whenAnotherKeyTriesToOpenItThenItFails() throws Exception {
        SealedContact sealed = SealedContact.seal("{\"phone\":\"13900139000\"}", "fb-2026", rsa().getPublic());
        KeyPair other = rsa();
        assertThatThrownBy(() -> sealed.open(other.getPrivate())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fb-2026").hasMessageNotContaining("13900139000");
    }

    @Test
    void whenKeysAreReadFromTheirEncodingsThenTheyStillMatch() throws Exception {
        KeyPair pair = rsa();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String privateKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        SealedContact sealed = SealedContact.seal("x", "k", SealedContact.publicKey(publicKey));
        assertThat(sealed.open(SealedContact.privateKey(privateKey))).isEqualTo("x");
    }
}
