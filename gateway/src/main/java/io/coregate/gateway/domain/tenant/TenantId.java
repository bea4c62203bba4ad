package io.coregate.gateway.domain.tenant;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.util.regex.Pattern;

/**
 * A tenant's id: the path prefix its Mojaloop Connector and channels use.
 *
 * @param value matches {@code ^[a-z0-9][a-z0-9-]{0,31}$}
 */
public record TenantId(String value) {

    private static final Pattern PATTERN = Pattern.compile("^[a-z0-9][a-z0-9-]{0,31}$");

    public TenantId {
        if (!PATTERN.matcher(value).matches()) {
            throw new GatewayException(ErrorCode.VALIDATION,
                "tenant id '" + abbreviate(value) + "' must match " + PATTERN.pattern());
        }
    }

    /** True when the text is a well-formed tenant id. */
    public static boolean isValid(String value) {
        return PATTERN.matcher(value).matches();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
