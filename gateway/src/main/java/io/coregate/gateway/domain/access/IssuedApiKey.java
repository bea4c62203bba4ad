package io.coregate.gateway.domain.access;

/**
 * A newly issued key, answered once to the operator and never again.
 *
 * @param keyId  the public id, used to revoke it
 * @param apiKey the secret to give the DFSP channel ({@code X-API-Key}); not stored anywhere
 * @param stored what is stored of it (scopes, expiry)
 */
public record IssuedApiKey(String keyId, String apiKey, StoredApiKey stored) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + keyId + ", apiKey=(secret)]";
    }
}
