package io.coregate.gateway.plugins;

import io.coregate.gateway.domain.error.ErrorCode;
import io.coregate.gateway.domain.error.GatewayException;
import io.coregate.plugin.api.CbsException;
import io.coregate.plugin.api.Outcome;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one adapter call on a fresh virtual thread with the plugin's class loader as context class loader, waits at
 * most the timeout, and interrupts the worker when abandoned. {@code release} (which gives back the bulkhead permit the
 * caller took and leaves the plugin's in-flight count) runs when the worker really ends, so a hanging bank fills only
 * its own tenant's bulkhead and a removed plugin version is unloaded only after its abandoned calls ended. Stateless.
 */
final class GuardedCall {

    private GuardedCall() {
    }

    static <T> Outcome<T> run(ClassLoader pluginLoader, Runnable release, Duration timeout, String name, Supplier<Outcome<T>> call,
                              BiConsumer<Outcome<T>, Long> onOutcome, Function<Throwable, GatewayException> onBug) {
        var result = new CompletableFuture<Outcome<T>>();
        long start = System.nanoTime();
        Thread worker;
        try {
            worker = Thread.ofVirtual().name(name).start(() -> {
                Thread.currentThread().setContextClassLoader(pluginLoader);
                try {
                    Outcome<T> outcome = call.get();
                    result.complete(outcome == null ? Outcome.failed(io.coregate.plugin.api.FailureKind.REJECTED, "adapter answered null")
                        : outcome);
                } catch (CbsException e) {
                    result.complete(AdapterRegistry.failureOf(e));
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    result.completeExceptionally(e);
                } finally {
                    release.run();
                }
            });
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        try {
            Outcome<T> outcome = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            onOutcome.accept(outcome, System.nanoTime() - start);
            return outcome;
        } catch (TimeoutException e) {
            worker.interrupt();
            Outcome<T> outcome = AdapterRegistry.timeout(timeout);
            onOutcome.accept(outcome, System.nanoTime() - start);
            return outcome;
        } catch (ExecutionException e) {
            throw onBug.apply(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new GatewayException(ErrorCode.INTERNAL, "interrupted while waiting for the CBS");
        }
    }
}
