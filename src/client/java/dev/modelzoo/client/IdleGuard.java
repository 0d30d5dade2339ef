package dev.modelzoo.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a response body that has gone silent for longer than its idle limit. java.net.http's request timeout
 * stops at the response headers, so a stalled download or event stream would otherwise block for ever; closing
 * the body from this watchdog's thread makes the blocked read fail at once.
 */
final class IdleGuard implements AutoCloseable {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "modelzoo-client-idle-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final Closeable body;
    private final long limitNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean fired;

    private IdleGuard(Closeable body, Duration limit) {
        this.body = body;
        this.limitNanos = limit.toNanos();
        long period = Math.max(50, Math.min(1_000, limit.toMillis() / 4));
        this.check = WATCHDOG.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code body}: closed when {@link #touch()} has not been called for {@code limit}. */
    static IdleGuard watch(Closeable body, Duration limit) {
        return new IdleGuard(body, limit);
    }

    /** Something arrived: the idle time starts again. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Whether the guard closed the body (the read that failed timed out rather than broke). */
    boolean fired() {
        return fired;
    }

    private void check() {
        if (!fired && System.nanoTime() - lastActivity > limitNanos) {
            fired = true;
            check.cancel(false);
            try {
                body.close();
            } catch (IOException e) {
                // closing is the point; a failure to close leaves the read to fail on its own
            }
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
