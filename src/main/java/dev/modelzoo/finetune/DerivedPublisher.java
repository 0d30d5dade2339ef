package dev.modelzoo.finetune;

import dev.modelzoo.auth.Caller;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.ParentLink;
import dev.modelzoo.catalog.PublishService;
import dev.modelzoo.finetune.PhaseClock.Lap;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.TrainingCancelledException;
import dev.modelzoo.ml.Transfer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Saves a job's network without frozen wrappers and publishes it through the ordinary publish path, as the job's
 * system caller on behalf of its creator, with the parent linked by version id and checked by digest; unless the
 * job was cancelled or lost meanwhile. Then records the job's outcome.
 */
@ApplicationScoped
public class DerivedPublisher {

    private static final Logger LOG = Logger.getLogger(DerivedPublisher.class);

    private final PublishService publisher;
    private final JobQueue queue;

    public DerivedPublisher(PublishService publisher, JobQueue queue) {
        this.publisher = publisher;
        this.queue = queue;
    }

    void publish(FineTuneJob job, String worker, AtomicBoolean stop, DerivedModel derived, Trained trained,
            PhaseClock clock, JobProgress progress) throws IOException {
        Path output = Files.createTempFile("modelzoo-derived-", ".zip");
        try {
            NetworkLoader.save(Transfer.unfrozenCopy(trained.chosen().network()), output);
            if (stop.get() || !queue.stillOwned(job.id, worker)) {
                throw new TrainingCancelledException();
            }
            progress.log("publishing " + job.target());
            ModelVersion published = publisher.publishDerived(Caller.system(job.createdBy), job.targetNamespace,
                    job.targetName, derived.metadata(), output,
                    new ParentLink(job.baseVersionId, job.baseSha256, derived.relation()));
            clock.lap(Lap.PUBLISH);
            var timings = clock.timings();
            progress.log(JobPhase.DONE, timings.describe());
            queue.succeed(job.id, worker, new JobOutcome(published.reference(), derived.validation(),
                    derived.test(), derived.baseline(), trained.decision(), derived.training(), timings));
            LOG.infof("Job %s published %s (%s accuracy %.4f)", job.id, published.reference(),
                    derived.headline().split(), derived.headline().accuracy());
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
