package org.hotline.feedback.privacy;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline.events.intake.SealedContact;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the caller contact that intake-service sealed for this service, with the private key named by the sealed
 * contact's key id. Older private keys stay configured until no open case needs them, so keys can rotate.
 */
@Component
public class ContactKeys {

    /** The caller's contact details, opened for the moment they are needed; never stored or logged. */
    public record Contact(String name, String phone, String email, String organisation) {
    }

    /** @param privateKeys RSA private keys (base64 PKCS#8) by key id */
    @ConfigurationProperties("hotline.privacy")
    public record Properties(Map<String, String> privateKeys) {
    }

    private final Map<String, PrivateKey> keys = new LinkedHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    public ContactKeys(Properties properties) {
        if (properties.privateKeys() != null) {
            properties.privateKeys().forEach((id, key) -> keys.put(id, SealedContact.privateKey(key)));
        }
    }

    public Contact open(SealedContact sealed) {
        PrivateKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("No private key '" + sealed.keyId() + "' for this caller's contact");
        }
        return json.readValue(sealed.open(key), Contact.class);
    }
}
