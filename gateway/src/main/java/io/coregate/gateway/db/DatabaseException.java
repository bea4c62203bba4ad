package io.coregate.gateway.db;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A database operation failed; answered as 2003 when the database could not be reached or did not answer in time
 * (connection failures, the pool's wait, statement and lock timeouts), 2001 otherwise. The cause is logged, never
 * answered.
 */
public final class DatabaseException extends GatewayException {

    public DatabaseException(String message, Throwable cause) {
        super(unavailable(cause) ? ErrorCode.SERVICE_UNAVAILABLE : ErrorCode.INTERNAL, message, cause);
    }

    /** Connection exceptions (SQLSTATE class 08), a statement cancelled by its timeout (57014), a lock not had in time (55P03). */
    static boolean unavailable(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.equals("57014") || state.equals("55P03"));
    }
}
