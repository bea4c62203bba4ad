package io.coregate.gateway;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The gateway's background jobs on one small scheduler; a failing run is logged and the job runs again next time. */
final class Jobs {

    private static final System.Logger LOG = System.getLogger(Jobs.class.getName());

    private Jobs() {
    }

    /** A scheduler of daemon threads named {@code coregate-job-<n>}. */
    static ScheduledExecutorService scheduler() {
        return Executors.newScheduledThreadPool(4, Thread.ofPlatform().daemon().name("coregate-job-", 0).factory());
    }

    /** Runs a job every {@code interval} (first right away when {@code now}). */
    static void every(ScheduledExecutorService jobs, String name, Duration interval, boolean now, Runnable job) {
        long millis = interval.toMillis();
        jobs.scheduleWithFixedDelay(() -> run(name, job), now ? 0 : millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void run(String name, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, name + " failed: " + e.getMessage(), e);
        }
    }
}
