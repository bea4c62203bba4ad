package io.coregate.gateway.domain.access;

/**
 * A newly issued key, answered once to the operator and never again.
 *
 * @param keyId  the public id, used to revoke it
 * @param apiKey the secret to give the DFSP channel ({@code X-API-Key}); not stored anywhere
 */
public record IssuedApiKey(String keyId, String apiKey) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + keyId + ", apiKey=(secret)]";
    }
}
