package dev.modelzoo.finetune;

import dev.modelzoo.auth.Caller;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.PublishService;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.error.ModelZooException;
import dev.modelzoo.error.ServiceUnavailableException;
import dev.modelzoo.ml.EpochMetrics;
import dev.modelzoo.ml.FineTuneProgress;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.Split;
import dev.modelzoo.ml.Transfer;
import dev.modelzoo.ml.TrainingCancelledException;
import dev.modelzoo.spec.Strategy;
import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.jboss.logging.Logger;

/**
 * Executes one claimed job on a worker thread: loads base and data, trains with the requested strategy (and the
 * from-scratch baseline), and publishes the derived model through the ordinary publish path with lineage.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    static final String TRAIN = "train";
    /** AUTO's trials get a quarter of the budget each (at least one epoch). */
    private static final int TRIAL_SHARE = 4;

    private final JobInputs inputs;
    private final DatasetService datasets;
    private final BlobStore blobs;
    private final BlobFeatureStore features;
    private final PublishService publisher;
    private final JobQueue queue;

    public JobRunner(JobInputs inputs, DatasetService datasets, BlobStore blobs, BlobFeatureStore features,
            PublishService publisher, JobQueue queue) {
        this.inputs = inputs;
        this.datasets = datasets;
        this.blobs = blobs;
        this.features = features;
        this.publisher = publisher;
        this.queue = queue;
    }

    /** Runs {@code job} to one of its final states; never throws. */
    public void run(FineTuneJob job, String worker, AtomicBoolean stop, AtomicBoolean shuttingDown) {
        try {
            execute(job, worker, stop);
        } catch (TrainingCancelledException e) {
            if (shuttingDown.get()) {
                LOG.infof("Job %s interrupted by shutdown; its lease will expire and it will be retried", job.id);
            } else {
                queue.cancelled(job.id, worker);
            }
        } catch (JobFailure e) {
            queue.fail(job.id, worker, e.code(), e.getMessage());
        } catch (ServiceUnavailableException e) {
            queue.fail(job.id, worker, ErrorCode.DEPENDENCY_UNAVAILABLE, e.getMessage());
        } catch (ModelZooException e) {
            queue.fail(job.id, worker, ErrorCode.PUBLISH_FAILED, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            LOG.errorf(e, "Job %s failed", job.id);
            queue.fail(job.id, worker, ErrorCode.TRAINING_FAILED, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    /** What training produced: the applied strategy, the networks and AUTO's decision. */
    private record Trained(Strategy chosen, int frozenUpTo, FineTuner.Outcome outcome, FineTuner.Outcome baseline,
            Map<String, Object> decision) {
    }

    private void execute(FineTuneJob job, String worker, AtomicBoolean stop) throws IOException {
        long start = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        JobInputs.Base base = inputs.base(job);
        JobInputs.Data dataset = inputs.dataset(job);
        MultiLayerNetwork network = loadBase(base);
        lap(timings, "loadBase", start);
        TrainingData.Prepared prepared = TrainingData.prepare(datasets, dataset, base.inputSpec(), job.adapt);
        lap(timings, "prepareData", start);
        Hyperparameters hp = job.hyperparameters;
        Split split = Split.stratified(prepared.data().labels(), prepared.labels().size(), hp.validationFraction(),
                hp.seed());
        queue.log(job.id, worker, "prepare", prepared.data().size() + " examples (" + split.train().length
                + " train, " + split.validation().length + " validation), " + prepared.labels().size() + " labels");
        Trained trained = train(job, worker, new Progress(job, worker, stop), network, prepared, split, timings,
                start);
        DerivedModel derived = new DerivedModel(job, base, dataset.reference(), prepared, trained.chosen(),
                trained.frozenUpTo(), split, trained.outcome(), trained.baseline(), trained.decision(),
                (System.nanoTime() - start) / 1e9);
        publish(job, worker, stop, derived, trained, timings, start);
    }

    private Trained train(FineTuneJob job, String worker, Progress progress, MultiLayerNetwork network,
            TrainingData.Prepared prepared, Split split, Map<String, Double> timings, long start) {
        Hyperparameters hp = job.hyperparameters;
        FineTuner.Settings settings = new FineTuner.Settings(hp.epochs(), hp.batchSize(), hp.learningRate(),
                hp.seed());
        Map<String, Object> decision = null;
        Strategy chosen = job.strategy;
        int featureLayer = network.getnLayers() - 2;
        if (job.strategy == Strategy.AUTO) {
            Map.Entry<Strategy, Map<String, Object>> auto = auto(job, worker, network, prepared, split, settings,
                    progress, featureLayer);
            chosen = auto.getKey();
            decision = auto.getValue();
        }
        int frozenUpTo = switch (chosen) {
            case HEAD_ONLY -> featureLayer;
            case FREEZE_UP_TO -> job.freezeUpTo;
            default -> -1;
        };
        queue.log(job.id, worker, TRAIN, chosen + (frozenUpTo >= 0 ? ", layers 0.." + frozenUpTo + " frozen"
                : ", all layers trained") + ", " + hp.epochs() + " epochs");
        FineTuner.Outcome outcome = FineTuner.transfer(network, prepared.data(), split, frozenUpTo, settings,
                features, featureKey(job, frozenUpTo, prepared), TRAIN, progress);
        timings.put("featurize", round(outcome.featurizeSeconds()));
        lap(timings, "train", start);
        FineTuner.Outcome baseline = null;
        if (job.baseline) {
            queue.log(job.id, worker, "baseline", "training the same architecture from scratch");
            baseline = FineTuner.scratch(network, prepared.data(), split, settings, "baseline", progress);
            lap(timings, "baseline", start);
        }
        return new Trained(chosen, frozenUpTo, outcome, baseline, decision);
    }

    /** Saves the network without frozen wrappers and publishes it, unless the job was lost or cancelled meanwhile. */
    private void publish(FineTuneJob job, String worker, AtomicBoolean stop, DerivedModel derived, Trained trained,
            Map<String, Double> timings, long start) throws IOException {
        Path output = Files.createTempFile("modelzoo-derived-", ".zip");
        try {
            NetworkLoader.save(new LoadedNetwork(Transfer.unfrozenCopy(trained.outcome().network())), output);
            if (stop.get() || !queue.stillOwned(job.id, worker)) {
                throw new TrainingCancelledException();
            }
            queue.log(job.id, worker, "publish", "publishing " + job.target());
            ModelVersion published = publisher.publish(new Caller(0, job.createdBy, true), job.targetNamespace,
                    job.targetName, derived.metadata(), output);
            lap(timings, "publish", start);
            queue.log(job.id, worker, "done", "seconds per phase " + timings);
            queue.succeed(job.id, worker, published.reference(), derived.evaluation(), derived.baseline(),
                    trained.decision());
            LOG.infof("Job %s published %s (validation accuracy %.4f)", job.id, published.reference(),
                    trained.outcome().evaluation().accuracy());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private MultiLayerNetwork loadBase(JobInputs.Base base) throws IOException {
        Path artifact = Files.createTempFile("modelzoo-base-", ".zip");
        try {
            blobs.download(new BlobRef(base.sha256(), base.sizeBytes()), artifact);
            return NetworkLoader.load(artifact, Long.MAX_VALUE).multiLayer();
        } finally {
            Files.deleteIfExists(artifact);
        }
    }

    private Map.Entry<Strategy, Map<String, Object>> auto(FineTuneJob job, String worker, MultiLayerNetwork network,
            TrainingData.Prepared prepared, Split split, FineTuner.Settings settings, Progress progress,
            int featureLayer) {
        int trialEpochs = Math.max(1, (settings.epochs() + TRIAL_SHARE - 1) / TRIAL_SHARE);
        FineTuner.Settings trial = new FineTuner.Settings(trialEpochs, settings.batchSize(), settings.learningRate(),
                settings.seed());
        queue.log(job.id, worker, "trial", "AUTO: " + trialEpochs + "-epoch trials of HEAD_ONLY and FULL");
        FineTuner.Outcome head = FineTuner.transfer(network, prepared.data(), split, featureLayer, trial, features,
                featureKey(job, featureLayer, prepared), "trial:HEAD_ONLY", progress);
        FineTuner.Outcome full = FineTuner.transfer(network, prepared.data(), split, -1, trial, features, null,
                "trial:FULL", progress);
        boolean headWins = head.evaluation().accuracy() > full.evaluation().accuracy()
                || (head.evaluation().accuracy() == full.evaluation().accuracy()
                && head.evaluation().loss() <= full.evaluation().loss());
        Strategy chosen = headWins ? Strategy.HEAD_ONLY : Strategy.FULL;
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("chosen", chosen.name());
        decision.put("rule", "higher validation accuracy after the trial epochs; on a tie, lower validation loss");
        decision.put("trials", List.of(trial(Strategy.HEAD_ONLY, trialEpochs, head),
                trial(Strategy.FULL, trialEpochs, full)));
        return Map.entry(chosen, decision);
    }

    private static Map<String, Object> trial(Strategy strategy, int epochs, FineTuner.Outcome outcome) {
        Map<String, Object> trial = new LinkedHashMap<>();
        trial.put("strategy", strategy.name());
        trial.put("epochs", epochs);
        trial.put("validationAccuracy", outcome.evaluation().accuracy());
        trial.put("validationLoss", outcome.evaluation().loss());
        trial.put("seconds", outcome.seconds());
        return trial;
    }

    /** Records the seconds since the previous lap (or {@code start}) under {@code phase}. */
    private static void lap(Map<String, Double> timings, String phase, long start) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double before = timings.entrySet().stream().filter(e -> !e.getKey().equals("featurize"))
                .mapToDouble(Map.Entry::getValue).sum();
        timings.put(phase, round(elapsed - before));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** JSON has no NaN or infinity; a diverged loss is reported as null. */
    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Base, data, freeze index and input conversion determine the frozen prefix's output exactly. */
    static String featureKey(FineTuneJob job, int frozenUpTo, TrainingData.Prepared prepared) {
        String identity = "features/v1|" + job.baseSha256 + "|" + job.datasetSha256 + "|" + frozenUpTo + "|"
                + prepared.adapter() + "|" + prepared.tokenizer();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forwards epoch metrics to the job's events and stops training when asked to. Epochs of small jobs take
     * milliseconds, so metrics are written in batches at most every {@link #FLUSH_NANOS} (and at every phase end).
     */
    private final class Progress implements FineTuneProgress {

        private static final long FLUSH_NANOS = 500_000_000L;

        private final FineTuneJob job;
        private final String worker;
        private final AtomicBoolean stop;
        private final List<JobQueue.EpochRecord> pending = new java.util.ArrayList<>();
        private long lastFlush = System.nanoTime();

        Progress(FineTuneJob job, String worker, AtomicBoolean stop) {
            this.job = job;
            this.worker = worker;
            this.stop = stop;
        }

        @Override
        public void onEpoch(String phase, EpochMetrics metrics) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("epoch", metrics.epoch());
            values.put("epochs", metrics.epochs());
            values.put("trainLoss", finite(metrics.trainLoss()));
            values.put("validationLoss", finite(metrics.validationLoss()));
            values.put("validationAccuracy", finite(metrics.validationAccuracy()));
            values.put("seconds", metrics.seconds());
            pending.add(new JobQueue.EpochRecord(phase, values, TRAIN.equals(phase)));
            if (metrics.epoch() == metrics.epochs() || System.nanoTime() - lastFlush > FLUSH_NANOS) {
                queue.epochs(job.id, worker, List.copyOf(pending));
                pending.clear();
                lastFlush = System.nanoTime();
            }
        }

        @Override
        public boolean cancelled() {
            return stop.get();
        }
    }
}
