package io.coregate.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU used during one measured window by the gateway process, by PostgreSQL (the whole server: every process named
 * {@code postgres}, sampled every 250 ms so backends that exit within the window still count up to their last sample),
 * and by this load process. Start it, run the load, {@link #stop()}.
 */
final class CpuMeter {

    /**
     * CPU used in a window, in cores (CPU seconds per wall second).
     *
     * @param gateway  the gateway process
     * @param postgres the PostgreSQL server (all its processes, including other users' backends)
     * @param load     this load process
     */
    record Usage(double gateway, double postgres, double load) {
    }

    private final long gatewayPid;
    private final long gatewayStart;
    private final long loadStart;
    private final long wallStart = System.nanoTime();
    private final AtomicLong postgres = new AtomicLong();
    private final Map<Long, Long> lastSeen;
    private final Thread sampler;
    private volatile boolean running = true;

    private CpuMeter(long gatewayPid) {
        this.gatewayPid = gatewayPid;
        this.gatewayStart = Proc.cpuTicks(gatewayPid).orElse(0);
        this.loadStart = Proc.cpuTicks(ProcessHandle.current().pid()).orElse(0);
        this.lastSeen = new HashMap<>(Proc.postgresTicks());
        this.sampler = Thread.ofPlatform().daemon().name("cpu-sampler").start(this::sample);
    }

    /** Starts measuring; {@code gatewayPid} 0 when no gateway runs. */
    static CpuMeter start(long gatewayPid) {
        return new CpuMeter(gatewayPid);
    }

    private void sample() {
        while (running) {
            poll();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void poll() {
        Proc.postgresTicks().forEach((pid, ticks) -> {
            long before = lastSeen.getOrDefault(pid, 0L);
            postgres.addAndGet(Math.max(0, ticks - before));
            lastSeen.put(pid, ticks);
        });
    }

    /** Stops and answers the cores used since the start. */
    Usage stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        poll();
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double gateway = gatewayPid == 0 ? 0 : Proc.seconds(Proc.cpuTicks(gatewayPid).orElse(gatewayStart) - gatewayStart);
        double load = Proc.seconds(Proc.cpuTicks(ProcessHandle.current().pid()).orElse(loadStart) - loadStart);
        return new Usage(gateway / wall, Proc.seconds(postgres.get()) / wall, load / wall);
    }
}
