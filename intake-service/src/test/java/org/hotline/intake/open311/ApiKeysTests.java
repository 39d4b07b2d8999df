package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.hotline.events.Channel;
import org.junit.jupiter.api.Test;

class ApiKeysTests {

    // SHA-256 of "dev-open311-web-key"
    static final String WEB = "1db6b14c78d0b77a5e4e47d0c10aad01519066ee35d6a1a9dc673dcd78e17a47";

    final ApiKeys keys = new ApiKeys(List.of(new Open311Properties.ApiKey(WEB.toUpperCase(), Channel.WEB, "web")));

    @Test
    void whenAKeyIsPresentedThenItsHashIsMatchedAndOnlyThatKeyIsKnown() {
        assertThat(keys.find("dev-open311-web-key")).map(Open311Properties.ApiKey::client).hasValue("web");
        assertThat(keys.find("dev-open311-web-key ")).isEmpty();
        assertThat(keys.find(WEB)).as("the hash itself is not a key").isEmpty();
        assertThat(keys.find("")).isEmpty();
        assertThat(keys.find(null)).isEmpty();
    }

    @Test
    void whenAKeyIsConfiguredInPlaintextThenTheServiceRefusesToStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Open311Properties.ApiKey("dev-open311-web-key",
                Channel.WEB, "web")).withMessageContaining("SHA-256");
    }
}
