package dev.modelzoo.finetune;

import dev.modelzoo.config.ModelZooConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import dev.modelzoo.finetune.result.EpochRecord;
import dev.modelzoo.finetune.result.EventPayload;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Every state transition of a job, each in its own short transaction on the locked row, with the event that
 * records it. Workers only touch jobs whose lease they own.
 */
@ApplicationScoped
@Transactional
public class JobQueue {

    private static final Logger LOG = Logger.getLogger(JobQueue.class);

    private final FineTuneJobRepository jobs;
    private final JobEventRepository events;
    private final ModelZooConfig config;
    private final Event<JobQueued> queued;

    public JobQueue(FineTuneJobRepository jobs, JobEventRepository events, ModelZooConfig config,
            Event<JobQueued> queued) {
        this.jobs = jobs;
        this.events = events;
        this.config = config;
        this.queued = queued;
    }

    public void enqueue(FineTuneJob job) {
        jobs.persist(job);
        event(job.id, JobEventType.STATE, state(job, "queued"));
        queued.fire(new JobQueued(job.id));
    }

    /** Claims the oldest queued job for {@code worker}: RUNNING, one more attempt, a fresh lease. */
    public Optional<FineTuneJob> claim(String worker) {
        return jobs.lockNextQueued().map(job -> {
            Instant now = Instant.now();
            job.status = JobStatus.RUNNING;
            job.attempts++;
            job.leaseOwner = worker;
            job.leaseExpiresAt = now.plus(config.worker().leaseDuration());
            job.startedAt = job.startedAt == null ? now : job.startedAt;
            job.progressEpoch = 0;
            event(job.id, JobEventType.STATE, state(job, "attempt " + job.attempts + " started by " + worker));
            return job;
        });
    }

    /**
     * Extends the lease of a job this worker still owns.
     *
     * @return empty when the worker lost the job (lease expired and taken back, or finished elsewhere); otherwise
     *     whether a cancel was requested
     */
    public Optional<Boolean> renew(UUID id, String worker) {
        FineTuneJob job = jobs.lock(id).orElse(null);
        if (job == null || job.status != JobStatus.RUNNING || !worker.equals(job.leaseOwner)) {
            return Optional.empty();
        }
        job.leaseExpiresAt = Instant.now().plus(config.worker().leaseDuration());
        return Optional.of(job.cancelRequested);
    }

    /** One epoch of a stage in a phase; TRAIN epochs also count as the job's progress and metrics. */
    public record EpochEvent(JobPhase phase, EpochRecord epoch) {
    }

    /** Records epochs (in order) as events; TRAIN epochs also update progress and the metric list. */
    public void epochs(UUID id, String worker, List<EpochEvent> records) {
        FineTuneJob job = owned(id, worker);
        if (job == null) {
            return;
        }
        for (EpochEvent record : records) {
            job.progressPhase = record.phase();
            if (record.phase() == JobPhase.TRAIN) {
                job.progressEpoch = record.epoch().epoch();
                job.progressEpochs = record.epoch().epochs();
                job.metrics = new ArrayList<>(job.metrics);
                job.metrics.add(record.epoch());
            }
            event(id, JobEventType.EPOCH, EventPayload.epoch(record.phase(), record.epoch()));
        }
    }

    /** Notes a phase change or a decision in the event stream. */
    public void log(UUID id, String worker, JobPhase phase, String message) {
        FineTuneJob job = owned(id, worker);
        if (job != null) {
            job.progressPhase = phase;
            event(id, JobEventType.LOG, EventPayload.log(phase, message));
        }
    }

    /** Whether the worker still holds the job (checked right before publishing). */
    public boolean stillOwned(UUID id, String worker) {
        return owned(id, worker) != null;
    }

    public void succeed(UUID id, String worker, JobOutcome outcome) {
        FineTuneJob job = owned(id, worker);
        if (job == null) {
            LOG.warnf("Job %s finished on %s after losing its lease; %s stays published", id, worker,
                    outcome.result());
            return;
        }
        job.evaluation = outcome.validation();
        job.testEvaluation = outcome.test();
        job.baselineResult = outcome.baseline();
        job.decision = outcome.decision();
        job.training = outcome.training();
        job.timings = outcome.timings();
        job.resultReference = outcome.result();
        job.progressPhase = JobPhase.DONE;
        finish(job, JobStatus.SUCCEEDED, "published " + outcome.result());
    }

    public void fail(UUID id, String worker, ErrorCode code, String message) {
        FineTuneJob job = owned(id, worker);
        if (job != null) {
            job.errorCode = code;
            job.error = message;
            finish(job, JobStatus.FAILED, code + ": " + message);
        }
    }

    public void cancelled(UUID id, String worker) {
        FineTuneJob job = owned(id, worker);
        if (job != null) {
            finish(job, JobStatus.CANCELLED, "stopped at a minibatch boundary; nothing was published");
        }
    }

    /** Cancels a queued job at once or asks the worker of a running one to stop; returns the job afterwards. */
    public FineTuneJob requestCancel(UUID id) {
        FineTuneJob job = jobs.lock(id).orElseThrow();
        if (job.status == JobStatus.QUEUED) {
            finish(job, JobStatus.CANCELLED, "cancelled before a worker claimed it");
        } else if (job.status == JobStatus.RUNNING && !job.cancelRequested) {
            job.cancelRequested = true;
            event(id, JobEventType.LOG, EventPayload.log(job.progressPhase,
                    "cancel requested; the worker stops at the next minibatch"));
        }
        return job;
    }

    /**
     * Takes back jobs whose worker stopped renewing the lease: queued again while attempts remain, else FAILED
     * with WORKER_LOST. Safe to run on every instance at once (rows are locked, busy ones skipped).
     */
    public int recoverExpired() {
        List<FineTuneJob> expired = jobs.lockExpired(Instant.now());
        for (FineTuneJob job : expired) {
            String lostWorker = job.leaseOwner;
            job.leaseOwner = null;
            job.leaseExpiresAt = null;
            if (job.cancelRequested) {
                finish(job, JobStatus.CANCELLED, "worker " + lostWorker + " vanished after a cancel request");
            } else if (job.attempts < config.worker().maxAttempts()) {
                job.status = JobStatus.QUEUED;
                event(job.id, JobEventType.STATE, state(job, "lease of " + lostWorker + " expired after attempt "
                        + job.attempts + " of " + config.worker().maxAttempts() + "; queued again"));
            } else {
                job.errorCode = ErrorCode.WORKER_LOST;
                job.error = "The worker running attempt " + job.attempts + " (" + lostWorker + ") stopped renewing"
                        + " its lease; " + job.attempts + " attempts are the limit (modelzoo.worker.max-attempts)";
                finish(job, JobStatus.FAILED, job.error);
            }
        }
        return expired.size();
    }

    private FineTuneJob owned(UUID id, String worker) {
        FineTuneJob job = jobs.lock(id).orElse(null);
        return job != null && job.status == JobStatus.RUNNING && worker.equals(job.leaseOwner) ? job : null;
    }

    private void finish(FineTuneJob job, JobStatus status, String message) {
        job.status = status;
        job.finishedAt = Instant.now();
        job.leaseOwner = null;
        job.leaseExpiresAt = null;
        event(job.id, JobEventType.STATE, state(job, message));
    }

    private static EventPayload state(FineTuneJob job, String message) {
        return EventPayload.state(job.status, job.attempts, message);
    }

    private void event(UUID jobId, JobEventType type, EventPayload payload) {
        JobEvent event = new JobEvent();
        event.jobId = jobId;
        event.type = type;
        event.payload = payload;
        event.createdAt = Instant.now();
        events.persist(event);
    }
}
