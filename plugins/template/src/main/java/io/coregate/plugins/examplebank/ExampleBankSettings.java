package io.coregate.plugins.examplebank;

import io.coregate.plugin.api.AdapterContext;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.support.errors.ErrorTable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the adapter needs from the tenant document, read and checked in one place.
 *
 * <pre>{@code
 * "cbs": {"plugin": "examplebank",
 *         "settings": {"baseUrl": "https://api.examplebank.test", "httpTimeoutMillis": 4000,
 *                      "errorCodes": {"AC-17": "BLOCKED"}},
 *         "secrets": {"apiToken": "env:<TENANT>_API_TOKEN"}},
 * "accounts": {"disbursement": "EB-FLOAT", "collection": "EB-COLLECT"}
 * }</pre>
 * Immutable and thread-safe.
 *
 * @param baseUrl      the bank's API root, without a trailing slash ({@code cbs.settings.baseUrl}, required)
 * @param disbursement the bank's float account inbound credits are paid from ({@code accounts.disbursement}, required)
 * @param collection   the account outbound debits are paid into ({@code accounts.collection}, required)
 * @param errors       the bank's error codes as failure kinds, the tenant's {@code cbs.settings.errorCodes} on top
 * @param httpTimeout  the deadline of each HTTP call ({@code cbs.settings.httpTimeoutMillis}, else 4/5 of the tenant's
 *                     {@code cbs.timeoutMillis})
 */
record ExampleBankSettings(URI baseUrl, String disbursement, String collection, ErrorTable errors, Duration httpTimeout) {

    /** The name of the secret holding the API token, in {@code cbs.secrets}. */
    static final String TOKEN_SECRET = "apiToken";

    /** What the bank's error codes mean; any other code is {@link FailureKind#REJECTED}. */
    static final ErrorTable DEFAULT_ERRORS = ErrorTable.of(Map.of(
            "NO_SUCH_PARTY", FailureKind.NOT_FOUND,
            "NO_SUCH_ACCOUNT", FailureKind.NOT_FOUND,
            "NO_SUCH_TRANSFER", FailureKind.NOT_FOUND,
            "ACCOUNT_BLOCKED", FailureKind.BLOCKED,
            "INSUFFICIENT_FUNDS", FailureKind.INSUFFICIENT_FUNDS,
            "LIMIT_EXCEEDED", FailureKind.LIMIT_EXCEEDED,
            "CURRENCY_MISMATCH", FailureKind.UNSUPPORTED_CURRENCY,
            "SERVICE_DOWN", FailureKind.UNAVAILABLE), FailureKind.REJECTED);

    /** A setting that cannot work: the field of the tenant document and what is wrong with it. */
    record Problem(String field, String message) {
        @Override
        public String toString() {
            return message.startsWith(field) ? message : field + ": " + message;
        }
    }

    /**
     * The settings of this tenant.
     *
     * @throws CbsException {@link FailureKind#REJECTED} listing every problem, each with its field
     */
    static ExampleBankSettings of(AdapterContext context) {
        List<Problem> problems = problems(context);
        if (!problems.isEmpty()) {
            throw new CbsException(FailureKind.REJECTED, problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        }
        return new ExampleBankSettings(baseUrl(context).orElseThrow(), context.accounts().disbursement().orElseThrow(),
                context.accounts().collection().orElseThrow(), errors(context), context.httpTimeout());
    }

    /** Every problem of this tenant's settings and secrets (never a secret's value); empty when they work. */
    static List<Problem> problems(AdapterContext context) {
        var problems = new ArrayList<Problem>();
        Optional<String> url = context.settings().string("baseUrl");
        if (url.isEmpty()) {
            problems.add(new Problem("cbs.settings.baseUrl", "is required, e.g. https://api.examplebank.test"));
        } else if (baseUrl(context).isEmpty()) {
            problems.add(new Problem("cbs.settings.baseUrl", "must be an absolute http or https URL"));
        }
        if (context.accounts().disbursement().isEmpty()) {
            problems.add(new Problem("accounts.disbursement", "is required: the float account inbound credits are paid from"));
        }
        if (context.accounts().collection().isEmpty()) {
            problems.add(new Problem("accounts.collection", "is required: the account outbound debits are paid into"));
        }
        check(problems, "cbs.settings.httpTimeoutMillis", context::httpTimeout);
        check(problems, "cbs.settings.errorCodes", () -> errors(context));
        check(problems, "cbs.secrets." + TOKEN_SECRET, () -> context.secrets().require(TOKEN_SECRET));
        return List.copyOf(problems);
    }

    private static Optional<URI> baseUrl(AdapterContext context) {
        try {
            return context.settings().string("baseUrl")
                    .map(text -> URI.create(text.strip().replaceAll("/+$", "")))
                    .filter(uri -> uri.isAbsolute() && uri.getHost() != null
                            && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ErrorTable errors(AdapterContext context) {
        return DEFAULT_ERRORS.withOverrides(context.settings(), "errorCodes");
    }

    private static void check(List<Problem> problems, String field, Runnable read) {
        try {
            read.run();
        } catch (CbsException e) {
            problems.add(new Problem(field, e.getMessage()));
        }
    }
}
