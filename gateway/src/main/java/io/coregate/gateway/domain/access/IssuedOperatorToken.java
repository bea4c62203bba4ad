package io.coregate.gateway.domain.access;

/**
 * A newly issued operator token: the only place the token itself appears.
 *
 * @param stored what is stored of it
 * @param token  the bearer token, shown once
 */
public record IssuedOperatorToken(StoredOperatorToken stored, String token) {

    @Override
    public String toString() {
        return "IssuedOperatorToken[" + stored + ", (token)]";
    }
}
