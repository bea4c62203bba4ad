package io.coregate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** Linux {@code /proc} readings: CPU time and resident memory of a process, and of every PostgreSQL process. */
final class Proc {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    private Proc() {
    }

    /** CPU seconds (user + system, all threads) the process used so far; empty when it is gone. */
    static OptionalLong cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    static double seconds(long ticks) {
        return ticks / TICKS;
    }

    /** Resident set size in MB; 0 when the process is gone. */
    static double rssMb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).orElse(0.0);
        } catch (IOException | RuntimeException e) {
            return 0.0;
        }
    }

    /** CPU ticks of every process named {@code postgres} (the server and all its backends), by pid. */
    static Map<Long, Long> postgresTicks() {
        var ticks = new HashMap<Long, Long>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(name -> {
                long pid = Long.parseLong(name);
                if (isPostgres(pid)) {
                    cpuTicks(pid).ifPresent(t -> ticks.put(pid, t));
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    private static boolean isPostgres(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }
}
