package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

/** A database operation failed; answered as 2001 (or 2003 when the database is unreachable), cause logged. */
public final class DatabaseException extends GatewayException {

    public DatabaseException(String message, Throwable cause) {
        super(ErrorCode.INTERNAL, message, cause);
    }
}
