package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.EpochRecord;
import dev.modelzoo.ml.EpochMetrics;
import dev.modelzoo.ml.FineTuneProgress;
import dev.modelzoo.spec.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forwards a job's epoch metrics to its events and stops training when asked to. Epochs of small jobs take
 * milliseconds, so metrics are written in batches at most every {@link #FLUSH_NANOS} and at every stage's end.
 * Stage labels are strategy names (the stage a strategy stands for), or {@link #SCRATCH} for the baseline.
 */
final class JobProgress implements FineTuneProgress {

    static final String SCRATCH = "SCRATCH";
    private static final long FLUSH_NANOS = 500_000_000L;

    private final JobQueue queue;
    private final UUID job;
    private final String worker;
    private final AtomicBoolean stop;
    private final List<JobQueue.EpochEvent> pending = new ArrayList<>();
    private JobPhase phase = JobPhase.TRAIN;
    private long lastFlush = System.nanoTime();

    JobProgress(JobQueue queue, UUID job, String worker, AtomicBoolean stop) {
        this.queue = queue;
        this.job = job;
        this.worker = worker;
        this.stop = stop;
    }

    /** Epochs reported from now on belong to {@code next}. */
    JobProgress in(JobPhase next) {
        flush();
        this.phase = next;
        return this;
    }

    @Override
    public void onEpoch(String stage, EpochMetrics metrics) {
        pending.add(new JobQueue.EpochEvent(phase, new EpochRecord(SCRATCH.equals(stage) ? null
                : Strategy.valueOf(stage), metrics.epoch(), metrics.epochs(), finite(metrics.trainLoss()),
                finite(metrics.validationLoss()), finite(metrics.validationAccuracy()), metrics.seconds())));
        if (metrics.epoch() == metrics.epochs() || System.nanoTime() - lastFlush > FLUSH_NANOS) {
            flush();
        }
    }

    /** Writes what is pending (also called when a stage ends early). */
    void flush() {
        if (!pending.isEmpty()) {
            queue.epochs(job, worker, List.copyOf(pending));
            pending.clear();
        }
        lastFlush = System.nanoTime();
    }

    void log(String message) {
        flush();
        queue.log(job, worker, phase, message);
    }

    void log(JobPhase next, String message) {
        in(next).log(message);
    }

    @Override
    public boolean cancelled() {
        return stop.get();
    }

    /** JSON has no NaN or infinity (epoch 0 has no training loss; a diverged loss has none either). */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
