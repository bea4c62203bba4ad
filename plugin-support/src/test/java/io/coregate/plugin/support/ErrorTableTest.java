package io.coregate.plugin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Outcome;
import io.coregate.plugin.api.Settings;
import io.coregate.plugin.support.errors.ErrorTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorTableTest {

    private final ErrorTable defaults = ErrorTable.of(Map.of("AC-01", FailureKind.NOT_FOUND, "AC-04", FailureKind.BLOCKED),
            FailureKind.REJECTED);

    @Test
    void settingsOverrideAndExtendTheDefaultsAndReplaceTheFallback() {
        ErrorTable table = defaults.withOverrides(new Settings(Map.of("errorCodes",
                Map.of("AC-04", "limit_exceeded", "NSF", "INSUFFICIENT_FUNDS", "*", "UNAVAILABLE"))), "errorCodes");

        assertEquals(FailureKind.NOT_FOUND, table.kindOf("AC-01"));
        assertEquals(FailureKind.LIMIT_EXCEEDED, table.kindOf("AC-04"));
        assertEquals(FailureKind.INSUFFICIENT_FUNDS, table.kindOf("NSF"));
        assertEquals(FailureKind.UNAVAILABLE, table.kindOf("other"));
        assertEquals(FailureKind.REJECTED, defaults.kindOf("other"));
        Outcome.Failed<?> failed = (Outcome.Failed<?>) table.failed("NSF", "debit refused");
        assertEquals("debit refused (vendor code NSF)", failed.message());
    }

    @Test
    void anUnknownKindIsRefusedNamingTheSetting() {
        CbsException e = assertThrows(CbsException.class,
                () -> defaults.withOverrides(new Settings(Map.of("errorCodes", Map.of("X1", "BROKE"))), "errorCodes"));

        assertEquals(FailureKind.REJECTED, e.kind());
        assertTrue(e.getMessage().startsWith("cbs.settings.errorCodes.X1: 'BROKE' is not a failure kind"), e.getMessage());
    }
}
