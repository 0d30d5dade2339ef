package dev.modelzoo.finetune;

import dev.modelzoo.config.ModelZooConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The fine-tune workers of this instance: {@code modelzoo.worker.concurrency} threads that claim queued jobs and
 * run them, a heartbeat that renews each running job's lease (and learns of cancels), and, on every instance, a
 * reaper that takes back jobs whose worker vanished.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);

    private final JobQueue queue;
    private final JobRunner runner;
    private final RunningJobs running;
    private final ModelZooConfig config;
    private final String identity;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final Semaphore wakeUp = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeats;

    public JobWorker(JobQueue queue, JobRunner runner, RunningJobs running, ModelZooConfig config) {
        this.queue = queue;
        this.runner = runner;
        this.running = running;
        this.config = config;
        this.identity = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.worker().enabled()) {
            LOG.info("Fine-tune worker disabled on this instance (modelzoo.worker.enabled=false)");
            return;
        }
        heartbeats = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "fine-tune-heartbeat"));
        for (int i = 0; i < config.worker().concurrency(); i++) {
            String name = identity + "#" + i;
            Thread thread = daemon(() -> loop(name), "fine-tune-worker-" + i);
            threads.add(thread);
            thread.start();
        }
        LOG.infof("Fine-tune worker %s started with %d thread(s)", identity, threads.size());
    }

    void onStop(@Observes ShutdownEvent event) {
        shuttingDown.set(true);
        threads.forEach(Thread::interrupt);
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobQueued event) {
        wakeUp.release(Math.max(1, threads.size()));
    }

    @Scheduled(every = "{modelzoo.worker.reaper-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reap() {
        try {
            int recovered = queue.recoverExpired();
            if (recovered > 0) {
                LOG.warnf("Took back %d job(s) whose worker stopped renewing its lease", recovered);
            }
        } catch (RuntimeException e) {
            // never let the scheduler die; the next run retries
            LOG.warnf("Lease reaper failed: %s", e.getMessage());
        }
    }

    private void loop(String worker) {
        while (!shuttingDown.get()) {
            try {
                Optional<FineTuneJob> claimed = queue.claim(worker);
                if (claimed.isEmpty()) {
                    // polling finds jobs queued through other instances; local ones wake us at once
                    wakeUp.tryAcquire(config.worker().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                    continue;
                }
                execute(claimed.get(), worker);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Worker %s: %s; retrying", worker, e.getMessage());
                sleepQuietly();
            }
        }
    }

    private void execute(FineTuneJob job, String worker) {
        AtomicBoolean stop = running.register(job.id);
        long period = Math.max(100, config.worker().leaseDuration().toMillis() / 4);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> renew(job.id, worker, stop), period,
                period, TimeUnit.MILLISECONDS);
        try {
            LOG.infof("Worker %s runs job %s (%s on %s, %s)", worker, job.id, job.baseReference,
                    job.datasetReference, job.strategy);
            runner.run(job, worker, stop, shuttingDown);
        } finally {
            heartbeat.cancel(false);
            running.unregister(job.id);
        }
    }

    private void renew(UUID id, String worker, AtomicBoolean stop) {
        try {
            Optional<Boolean> renewed = queue.renew(id, worker);
            if (renewed.isEmpty() || renewed.get()) {
                // lost the job, or someone asked to cancel it: stop at the next minibatch
                stop.set(true);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Heartbeat for job %s failed (lease expires in %s unless the next one succeeds): %s", id,
                    config.worker().leaseDuration(), e.getMessage());
        }
        if (shuttingDown.get()) {
            stop.set(true);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "worker";
        }
    }
}
