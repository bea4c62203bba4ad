package io.coregate.gateway.domain.validation;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The shared value rules of the Mojaloop APIs, each defined once. Stateless. */
public final class Rules {

    /** The spec's {@code CorrelationId}: a lower-case UUID or an upper-case ULID. */
    public static final Pattern CORRELATION_ID =
        Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[1-7][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$|^[0-9A-HJKMNP-TV-Z]{26}$");

    /**
     * The party id types of the FSPIOP API and the SDK backend API, in the spec's order. {@code ACCOUNT_NO} is the
     * backend spec's (SDK) addition; tenants may list any of them.
     */
    public static final List<String> ID_TYPES = List.of("MSISDN", "EMAIL", "PERSONAL_ID", "BUSINESS", "DEVICE", "ACCOUNT_ID", "IBAN",
        "ALIAS", "ACCOUNT_NO");

    /** {@link #ID_TYPES} as a set. */
    public static final Set<String> ID_TYPE_SET = Set.copyOf(ID_TYPES);

    /** SEND or RECEIVE. */
    public static final Set<String> AMOUNT_TYPES = Set.of("SEND", "RECEIVE");

    /** The backend spec's transaction types. */
    public static final Set<String> TRANSACTION_TYPES = Set.of("TRANSFER", "DEPOSIT", "PAYMENT");

    /** The backend spec's initiators. */
    public static final Set<String> INITIATORS = Set.of("PAYER", "PAYEE");

    /** The backend spec's initiator types. */
    public static final Set<String> INITIATOR_TYPES = Set.of("CONSUMER", "AGENT", "BUSINESS", "DEVICE");

    private Rules() {
    }

    /** Shortens an untrusted value for an error message. */
    public static String shown(String value, int max) {
        return value.length() > max ? value.substring(0, max) + "…" : value;
    }
}
