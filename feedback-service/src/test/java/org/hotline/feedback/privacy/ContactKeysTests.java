package org.hotline.feedback.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import org.hotline.events.intake.SealedContact;
import org.junit.jupiter.api.Test;

class ContactKeysTests {

    static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String encoded(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    @Test
    void whenAContactWasSealedForAConfiguredKeyThenItOpens() throws Exception {
        KeyPair old = rsa();
        KeyPair current = rsa();
        ContactKeys keys = new ContactKeys(new ContactKeys.Properties(Map.of("2025", encoded(old), "2026",
                encoded(current))));

        SealedContact fromLastYear = SealedContact.seal(
                "{\"name\":\"李四\",\"phone\":\"13900139000\",\"email\":null,\"organisation\":null}", "2025",
                old.getPublic());

        assertThat(keys.open(fromLastYear)).isEqualTo(new ContactKeys.Contact("李四", "13900139000", null, null));
    }

    @Test
    void whenTheKeyIsNotConfiguredThenTheErrorNamesTheKeyOnly() throws Exception {
        KeyPair pair = rsa();
        ContactKeys keys = new ContactKeys(new ContactKeys.Properties(Map.of("2026", encoded(pair))));
        SealedContact sealed = SealedContact.seal("{\"phone\":\"13900139000\"}", "2024", pair.getPublic());

        assertThatThrownBy(() -> keys.open(sealed)).hasMessageContaining("'2024'")
                .hasMessageNotContaining("13900139000");
    }
}
