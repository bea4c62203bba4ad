package io.coregate.plugins.sandbox;

import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.FailureKind;
import io.coregate.plugin.api.Settings;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The latency and faults of one adapter, read from {@code cbs.settings} each time the adapter is created.
 *
 * <p>Thread-safe: immutable apart from the faults' atomic counters.
 */
final class FaultPlan {

    /** How long a {@code HANG} fault sleeps: far beyond any host timeout. */
    static final Duration HANG_FOR = Duration.ofMinutes(10);

    private final Duration latency;
    private final List<Fault> faults;

    private FaultPlan(Duration latency, List<Fault> faults) {
        this.latency = latency;
        this.faults = List.copyOf(faults);
    }

    /** Reads {@code latencyMillis} and {@code faults}; a {@link CbsException} (REJECTED) naming the key when invalid. */
    static FaultPlan parse(Settings settings) {
        long millis = settings.number("latencyMillis", 0);
        if (millis < 0) {
            throw AccountSpec.invalid("cbs.settings.latencyMillis must not be negative");
        }
        List<Settings> entries = settings.objects("faults");
        List<Fault> faults = IntStream.range(0, entries.size()).mapToObj(i -> Fault.parse(entries.get(i), i)).toList();
        return new FaultPlan(Duration.ofMillis(millis), faults);
    }

    /**
     * Sleeps the configured latency, then applies the first fault that fires for the call.
     *
     * @throws CbsException          the fault's kind, or {@link FailureKind#TIMEOUT} when interrupted while sleeping
     *                               (the interrupt flag is set again)
     * @throws IllegalStateException for an {@code EXCEPTION} fault
     */
    void before(String operation, Target target) {
        if (!Pause.sleep(latency)) {
            throw new CbsException(FailureKind.TIMEOUT, operation + " interrupted during simulated latency");
        }
        for (Fault fault : faults) {
            if (!fault.afterBooking() && fault.fires(operation, target)) {
                trip(operation, fault.kind());
            }
        }
    }

    /**
     * Applies a {@code LOST_RESPONSE} fault after the operation booked: the booking stays, the answer is lost.
     *
     * @throws CbsException {@link FailureKind#TIMEOUT} when such a fault fires
     */
    void after(String operation, Target target) {
        for (Fault fault : faults) {
            if (fault.afterBooking() && fault.fires(operation, target)) {
                throw new CbsException(FailureKind.TIMEOUT, "sandbox fault: " + operation + " booked but its answer was lost");
            }
        }
    }

    private static void trip(String operation, String kind) {
        switch (kind) {
            case Fault.HANG -> {
                Pause.sleep(HANG_FOR);
                throw new CbsException(FailureKind.TIMEOUT, "sandbox fault: " + operation + " hung");
            }
            case Fault.EXCEPTION -> throw new IllegalStateException("sandbox fault: " + operation + " threw");
            default -> throw new CbsException(FailureKind.valueOf(kind), "sandbox fault: " + operation + " " + kind);
        }
    }
}
