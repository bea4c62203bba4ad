package io.coregate.gateway.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;

/**
 * A parser that refuses, as the token is read, what no part of the gateway can hold: a floating-point number whose
 * exponent lies outside &plusmn;{@value Mappers#MAX_EXPONENT} ({@code 1e100000000} is 11 characters, passes the digit
 * bound, and would otherwise become a 100-million-digit string wherever it is printed plainly or stored), and a string
 * or member name with a NUL character (PostgreSQL's text and jsonb cannot store U+0000: such a value would
 * fail at the first write, as a 500). Every other way of advancing ({@code nextFieldName}, {@code nextTextValue}, ...)
 * goes through {@link #nextToken()}. Not thread-safe, as any parser.
 */
final class InputBounds extends JsonParserDelegate {

    InputBounds(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(super.nextValue());
    }

    private JsonToken checked(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_FLOAT && !withinBound(getText())) {
            throw new StreamConstraintsException("number exponent is outside -" + Mappers.MAX_EXPONENT + ".." + Mappers.MAX_EXPONENT,
                currentTokenLocation());
        }
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && getText().indexOf('\0') >= 0) {
            throw new StreamConstraintsException("a string contains a NUL character (U+0000)", currentTokenLocation());
        }
        return token;
    }

    /** Whether the exponent of a JSON number's text (at most {@value Mappers#MAX_NUMBER_LENGTH} characters) is in bounds. */
    static boolean withinBound(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return true;
        }
        int i = e + 1;
        if (i < number.length() && (number.charAt(i) == '+' || number.charAt(i) == '-')) {
            i++;
        }
        while (i < number.length() - 1 && number.charAt(i) == '0') {
            i++;
        }
        String digits = number.substring(i);
        return !digits.isEmpty() && digits.length() <= 4 && Integer.parseInt(digits) <= Mappers.MAX_EXPONENT;
    }
}
