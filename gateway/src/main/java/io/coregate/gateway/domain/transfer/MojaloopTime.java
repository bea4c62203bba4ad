package io.coregate.gateway.domain.transfer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps as the Mojaloop APIs write them: UTC with exactly three fractional digits. Stateless. */
public final class MojaloopTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private MojaloopTime() {
    }

    /** {@code 2026-11-28T18:20:01.123Z}. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
