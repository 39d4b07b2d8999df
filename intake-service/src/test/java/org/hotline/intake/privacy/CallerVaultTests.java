package org.hotline.intake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CallerVaultTests {

    static final String KEY_A = Base64.getEncoder().encodeToString("a".repeat(32).getBytes());
    static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());
    static final String INDEX = Base64.getEncoder().encodeToString("i".repeat(32).getBytes());
    static KeyPair feedback;

    @BeforeAll
    static void feedbackKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        feedback = generator.generateKeyPair();
    }

    static CallerVault vault(Map<String, String> keys, String active) {
        return new CallerVault(new PrivacyProperties(keys, active, INDEX,
                Base64.getEncoder().encodeToString(feedback.getPublic().getEncoded()), "fb-1"));
    }

    @Test
    void whenAValueIsEncryptedThenItCarriesItsKeyIdAndNoPlaintext() {
        CallerVault vault = vault(Map.of("a", KEY_A), "a");
        String stored = vault.encrypt("13900139000");
        assertThat(stored).startsWith("a:").doesNotContain("13900139000");
        assertThat(vault.encrypt("13900139000")).isNotEqualTo(stored);
        assertThat(vault.decrypt(stored)).isEqualTo("13900139000");
    }

    @Test
    void whenTheActiveKeyRotatesThenOlderRecordsStillDecrypt() {
        String old = vault(Map.of("a", KEY_A), "a").encrypt("李四");
        CallerVault rotated = vault(Map.of("a", KEY_A, "b", KEY_B), "b");
        assertThat(rotated.encrypt("李四")).startsWith("b:");
        assertThat(rotated.decrypt(old)).isEqualTo("李四");
    }

    @Test
    void whenTheKeyOfARecordIsGoneThenDecryptingSaysWhichKeyIsMissing() {
        String old = vault(Map.of("a", KEY_A), "a").encrypt("李四");
        assertThatThrownBy(() -> vault(Map.of("b", KEY_B), "b").decrypt(old))
                .hasMessageContaining("'a'").hasMessageNotContaining("李四");
    }

    @Test
    void whenTheSameNumberIsWrittenDifferentlyThenItsIndexIsTheSame() {
        CallerVault vault = vault(Map.of("a", KEY_A), "a");
        assertThat(vault.phoneIndex("139 0013 9000")).isEqualTo(vault.phoneIndex("13900139000"))
                .doesNotContain("13900139000");
    }

    @Test
    void whenContactIsSealedForFeedbackThenOnlyItsPrivateKeyOpensIt() {
        CallerVault vault = vault(Map.of("a", KEY_A), "a");
        var sealed = vault.sealForFeedback("李四", "13900139000", null, null);
        assertThat(sealed.keyId()).isEqualTo("fb-1");
        assertThat(sealed.open(feedback.getPrivate())).contains("\"phone\":\"13900139000\"").contains("李四");
        assertThat(vault.sealForFeedback(null, null, null, null)).isNull();
    }
}
