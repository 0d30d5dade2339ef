package dev.modelzoo.finetune;

import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.error.ModelZooException;
import dev.modelzoo.error.ServiceUnavailableException;
import dev.modelzoo.finetune.PhaseClock.Lap;
import dev.modelzoo.finetune.result.BaselineReport;
import dev.modelzoo.finetune.result.Evaluation;
import dev.modelzoo.finetune.result.StageReport;
import dev.modelzoo.ml.EvaluationResult;
import dev.modelzoo.ml.Evaluator;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.Split;
import dev.modelzoo.ml.TrainingCancelledException;
import dev.modelzoo.spec.Strategy;
import dev.modelzoo.storage.BlobRef;
import dev.modelzoo.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Orchestrates one claimed job on a worker thread: loads the base and the data, trains with the requested strategy
 * ({@link StrategyRun}, or {@link AutoPolicy} for AUTO) and the from-scratch baseline, evaluates on the test
 * dataset, and publishes the derived model ({@link DerivedPublisher}).
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final JobInputs inputs;
    private final DatasetService datasets;
    private final BlobStore blobs;
    private final BlobFeatureStore features;
    private final DerivedPublisher publisher;
    private final JobQueue queue;

    public JobRunner(JobInputs inputs, DatasetService datasets, BlobStore blobs, BlobFeatureStore features,
            DerivedPublisher publisher, JobQueue queue) {
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
            execute(job, new JobProgress(queue, job.id, worker, stop), worker, stop);
        } catch (TrainingCancelledException e) {
            if (shuttingDown.get()) {
                LOG.infof("Job %s interrupted by shutdown; its lease will expire and it will be retried", job.id);
            } else {
                queue.cancelled(job.id, worker);
            }
        } catch (JobFailure e) {
            queue.fail(job.id, worker, e.code(), e.getMessage());
        } catch (ServiceUnavailableException e) {
            queue.fail(job.id, worker, ErrorCode.DEPENDENCY_UNAVAILABLE, JobErrors.describe(e));
        } catch (ModelZooException e) {
            queue.fail(job.id, worker, ErrorCode.PUBLISH_FAILED, JobErrors.describe(e));
        } catch (Exception | OutOfMemoryError e) {
            LOG.errorf(e, "Job %s failed", job.id);
            queue.fail(job.id, worker, ErrorCode.TRAINING_FAILED, "Training failed: " + JobErrors.describe(e));
        }
    }

    private void execute(FineTuneJob job, JobProgress progress, String worker, AtomicBoolean stop)
            throws IOException {
        PhaseClock clock = new PhaseClock();
        JobInputs.Base base = inputs.base(job);
        JobInputs.Data dataset = inputs.dataset(job);
        Optional<JobInputs.Data> testDataset = inputs.testDataset(job);
        LoadedNetwork network = loadBase(base);
        clock.lap(Lap.LOAD_BASE);
        TrainingData.Prepared prepared = TrainingData.prepare(datasets, dataset, base.inputSpec(), job.adapt);
        Optional<TrainingData.Prepared> test = testDataset.map(data -> TrainingData.prepare(datasets, data,
                base.inputSpec(), job.adapt, prepared.labels()));
        Hyperparameters hp = job.hyperparameters;
        Split split = Split.stratified(prepared.data().labels(), prepared.labels().size(), hp.validationFraction(),
                hp.seed());
        clock.lap(Lap.PREPARE_DATA);
        progress.log(JobPhase.PREPARE, prepared.data().size() + " examples (" + split.train().length + " train, "
                + split.validation().length + " validation), " + prepared.labels().size() + " labels"
                + test.map(t -> "; test set of " + t.data().size() + " examples").orElse("") + "; epochs: "
                + hp.budget().describe());

        FineTuner.Settings settings = new FineTuner.Settings(hp.budget(), hp.learningRate(), hp.seed());
        Trained trained = train(job, network, base, prepared, split, settings, clock, progress.in(JobPhase.TRAIN));
        BaselineReport baseline = job.baseline
                ? baseline(network, prepared, split, settings, test, clock, progress.in(JobPhase.BASELINE)) : null;
        Scores scores = score(job, trained, prepared, split, test, baseline, progress.in(JobPhase.EVALUATE));
        clock.lap(Lap.TEST);
        DerivedModel derived = new DerivedModel(job, base, dataset.reference(), prepared, split, trained,
                scores.validation(), scores.test(), scores.baseline());
        publisher.publish(job, worker, stop, derived, trained, clock, progress.in(JobPhase.PUBLISH));
    }

    /** The derived model on the validation split and the test set, and the baseline with its gain. */
    private record Scores(Evaluation validation, Evaluation test, BaselineReport baseline) {
    }

    private Scores score(FineTuneJob job, Trained trained, TrainingData.Prepared prepared, Split split,
            Optional<TrainingData.Prepared> test, BaselineReport baseline, JobProgress progress) {
        // the frozen prefix's output for the dataset is in the store since training: only the trained layers run
        Evaluation validation = Evaluation.detailed(Evaluation.Split.validation, job.datasetReference,
                FineTuner.evaluate(trained.chosen().network(), trained.frozenUpTo(), prepared.data(),
                        split.validation(), features, FeatureKeys.of(job.baseSha256, job.datasetSha256, prepared)
                                .apply(trained.frozenUpTo())), prepared.labels());
        Evaluation testEvaluation = test.map(t -> Evaluation.detailed(Evaluation.Split.test, job.testDatasetReference,
                FineTuner.evaluate(trained.chosen().network(), trained.frozenUpTo(), t.data(), features,
                        FeatureKeys.of(job.baseSha256, job.testDatasetSha256, t).apply(trained.frozenUpTo())),
                prepared.labels())).orElse(null);
        Evaluation headline = testEvaluation != null ? testEvaluation : validation;
        progress.log(headline.split() + " accuracy " + DerivedCard.figure(headline) + " on " + headline.count()
                + " examples");
        return new Scores(validation, testEvaluation, baseline == null ? null : baseline.withGain(headline));
    }

    private Trained train(FineTuneJob job, LoadedNetwork network, JobInputs.Base base,
            TrainingData.Prepared prepared, Split split, FineTuner.Settings settings, PhaseClock clock,
            JobProgress progress) {
        FineTuner.Session session = FineTuner.start(network, prepared.data(), split, settings,
                new FineTuner.Features(features, FeatureKeys.of(job.baseSha256, job.datasetSha256, prepared)),
                progress);
        StageLayout layout = StageLayout.of(base.architecture());
        Trained trained = job.strategy == Strategy.AUTO
                ? AutoPolicy.run(session, layout, clock.startNanos(), progress)
                : StrategyRun.run(session, job.strategy, layout, job.freezeUpTo, progress);
        session.stages().forEach(stage -> clock.featurize(stage.featurizeSeconds()));
        clock.lap(Lap.TRAIN);
        return trained;
    }

    private BaselineReport baseline(LoadedNetwork network, TrainingData.Prepared prepared, Split split,
            FineTuner.Settings settings, Optional<TrainingData.Prepared> test, PhaseClock clock,
            JobProgress progress) {
        progress.log("training the same architecture from scratch with the same budget rules");
        FineTuner.Stage scratch = FineTuner.scratch(network, prepared.data(), split, settings, JobProgress.SCRATCH,
                progress);
        StageReport report = StageReport.of(null, -1, scratch.result(), null);
        progress.log("baseline " + report.describe());
        LoadedNetwork loaded = scratch.network();
        EvaluationResult validation = Evaluator.evaluate(loaded, prepared.data().subset(split.validation()));
        Evaluation testEvaluation = test.map(t -> Evaluation.summary(Evaluation.Split.test, null,
                Evaluator.evaluate(loaded, t.data()))).orElse(null);
        clock.lap(Lap.BASELINE);
        return new BaselineReport(Evaluation.summary(Evaluation.Split.validation, null, validation), testEvaluation,
                report);
    }

    private LoadedNetwork loadBase(JobInputs.Base base) throws IOException {
        return BaseNetwork.load(blobs, new BlobRef(base.sha256(), base.sizeBytes()));
    }
}
