package dev.modelzoo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * HTTP load on 127.0.0.1 with the JDK client: open loop (requests leave at fixed intended times whatever the answers
 * do, and latency counts from the intended send time, so queueing shows) and closed loop (N clients back to back, for
 * the maximum throughput). Bounded in count and time: every request has a timeout and the run a deadline.
 */
final class LoadGenerator {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a run measured: latencies in ms (sorted), the achieved rate, and the answers by class. */
    record Result(String name, double[] latenciesMs, double achievedPerSecond, int ok, int status5xx, int status503,
            int other, int failed) {

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
            return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, index))];
        }
    }

    /** {@code rate} requests per second for {@code seconds}; {@code uri} gives the i-th request's address. */
    Result openLoop(String name, IntFunction<URI> uri, int rate, int seconds) throws InterruptedException {
        int count = rate * seconds;
        long period = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        Counters counters = new Counters();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long intended = start + i * period;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(uri.apply(i)).timeout(TIMEOUT).GET().build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies.add((System.nanoTime() - intended) / 1e6);
                        counters.count(response, failure);
                    }));
        }
        awaitAll(inFlight);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return counters.result(name, latencies, counters.ok.get() / elapsed);
    }

    /** {@code clients} clients sending back to back for {@code seconds}: the throughput the server sustains. */
    Result closedLoop(String name, IntFunction<URI> uri, int clients, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        Counters counters = new Counters();
        AtomicInteger sequence = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpRequest request = HttpRequest.newBuilder(uri.apply(sequence.getAndIncrement()))
                            .timeout(TIMEOUT).GET().build();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        counters.count(response, null);
                    } catch (Exception e) {
                        counters.count(null, e);
                        if (e instanceof InterruptedException) {
                            return;
                        }
                    }
                    latencies.add((System.nanoTime() - sent) / 1e6);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(seconds) + TIMEOUT.toMillis() + 5_000);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return counters.result(name, latencies, counters.ok.get() / elapsed);
    }

    private static void awaitAll(List<CompletableFuture<?>> futures) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (CompletableFuture<?> future : futures) {
            long left = deadline - System.nanoTime();
            try {
                future.get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted by whenComplete, or abandoned past the deadline
            }
        }
    }

    /** Answers by class. */
    private static final class Counters {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger status5xx = new AtomicInteger();
        final AtomicInteger status503 = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        void count(HttpResponse<?> response, Throwable failure) {
            if (failure != null || response == null) {
                failed.incrementAndGet();
            } else if (response.statusCode() == 503) {
                status503.incrementAndGet();
            } else if (response.statusCode() >= 500) {
                status5xx.incrementAndGet();
            } else if (response.statusCode() < 400) {
                ok.incrementAndGet();
            } else {
                other.incrementAndGet();
            }
        }

        Result result(String name, ConcurrentLinkedQueue<Double> latencies, double rate) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(name, sorted.stream().mapToDouble(Double::doubleValue).toArray(), rate, ok.get(),
                    status5xx.get(), status503.get(), other.get(), failed.get());
        }
    }
}
