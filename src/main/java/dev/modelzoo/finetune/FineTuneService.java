package dev.modelzoo.finetune;

import dev.modelzoo.auth.Caller;
import dev.modelzoo.catalog.CatalogService;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.compatibility.CompatibilityChecker;
import dev.modelzoo.compatibility.FreezePoint;
import dev.modelzoo.compatibility.CompatibilityService;
import dev.modelzoo.compatibility.Finding;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.error.ConflictException;
import dev.modelzoo.error.ForbiddenException;
import dev.modelzoo.error.NotFoundException;
import dev.modelzoo.error.ProblemType;
import dev.modelzoo.error.ServiceUnavailableException;
import dev.modelzoo.error.UnprocessableException;
import dev.modelzoo.error.Violation;
import dev.modelzoo.spec.Names;
import dev.modelzoo.spec.Strategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates, cancels and reads fine-tune jobs; the training itself happens on workers, never here. */
@ApplicationScoped
public class FineTuneService {

    private final CatalogService catalog;
    private final DatasetService datasets;
    private final JobQueue queue;
    private final FineTuneJobRepository jobs;
    private final JobEventRepository events;
    private final RunningJobs running;
    private final CompatibilityService compatibility;
    private final int maxQueued;

    public FineTuneService(CatalogService catalog, DatasetService datasets, JobQueue queue, FineTuneJobRepository jobs,
            JobEventRepository events, RunningJobs running, CompatibilityService compatibility,
            ModelZooConfig config) {
        this.maxQueued = config.worker().maxQueued();
        this.catalog = catalog;
        this.datasets = datasets;
        this.queue = queue;
        this.jobs = jobs;
        this.events = events;
        this.running = running;
        this.compatibility = compatibility;
    }

    /** Checks access, the pair and the data, then queues the job. */
    public FineTuneJob create(Caller caller, JobSpec spec) {
        Names.require("target namespace", spec.targetNamespace());
        Names.require("target name", spec.targetName());
        if (!caller.mayWrite(spec.targetNamespace())) {
            throw new ForbiddenException("User '" + caller.name() + "' may not publish into namespace '"
                    + spec.targetNamespace() + "'");
        }
        ModelVersion base = catalog.version(spec.base());
        DatasetVersion dataset = datasets.version(spec.dataset().namespace(), spec.dataset().name(),
                spec.dataset().version());
        Strategy strategy = spec.strategy() == null ? Strategy.HEAD_ONLY : spec.strategy();
        if (!"MultiLayerNetwork".equals(base.architecture.type()) && base.architecture.cuts() == null) {
            // graphs published before graph fine-tuning lack the boundaries they can be frozen at
            throw new UnprocessableException(ProblemType.INCOMPATIBLE, base.reference() + " is a "
                    + base.architecture.type() + " published before graphs could be fine-tuned; publish it again");
        }
        Integer freezeUpTo = FreezePoint.resolve(base.architecture, spec.freezeUpTo(), spec.freezeUpToLayer());
        DatasetVersion testDataset = spec.testDataset() == null ? null : datasets.version(
                spec.testDataset().namespace(), spec.testDataset().name(), spec.testDataset().version());
        List<Finding> findings = compatibility.findings(base, dataset, testDataset, strategy, freezeUpTo,
                spec.adapt());
        if (!CompatibilityChecker.compatible(findings)) {
            List<Violation> violations = findings.stream().map(f -> new Violation(f.field(), f.rule(),
                    f.severity().name(), f.expected(), f.actual(), f.message(), f.suggestion())).toList();
            Finding first = findings.stream().filter(f -> f.severity().name().equals("ERROR")).findFirst()
                    .orElseThrow();
            throw new UnprocessableException(ProblemType.INCOMPATIBLE, base.reference() + " cannot be fine-tuned on "
                    + dataset.reference() + ": " + first.message(), violations);
        }
        if (dataset.countsPerLabel.values().stream().noneMatch(count -> count >= 2)) {
            throw new UnprocessableException(ProblemType.INVALID_DATASET, "The validation split would be empty:"
                    + " at least one label needs two examples");
        }
        long waiting = jobs.count("status", JobStatus.QUEUED);
        if (waiting >= maxQueued) {
            // a soft bound: two requests at the same moment may both pass, which costs nothing
            throw new ServiceUnavailableException("The fine-tune workers are saturated: " + waiting + " jobs are"
                    + " waiting (modelzoo.worker.max-queued); try again later", null);
        }
        FineTuneJob job = new FineTuneJob();
        job.id = UUID.randomUUID();
        job.status = JobStatus.QUEUED;
        job.baseReference = base.reference();
        job.baseVersionId = base.id;
        job.baseSha256 = base.sha256;
        job.datasetReference = dataset.reference();
        job.datasetVersionId = dataset.id;
        job.datasetSha256 = dataset.sha256;
        if (testDataset != null) {
            job.testDatasetReference = testDataset.reference();
            job.testDatasetVersionId = testDataset.id;
            job.testDatasetSha256 = testDataset.sha256;
        }
        job.targetNamespace = spec.targetNamespace();
        job.targetName = spec.targetName();
        job.strategy = strategy;
        job.freezeUpTo = freezeUpTo;
        job.adapt = spec.adapt();
        job.baseline = spec.baseline();
        job.hyperparameters = (spec.hyperparameters() == null ? Hyperparameters.defaults()
                : spec.hyperparameters().withDefaults());
        job.createdBy = caller.name();
        job.createdAt = Instant.now();
        queue.enqueue(job);
        return job;
    }

    @Transactional
    public FineTuneJob job(UUID id) {
        return jobs.findByIdOptional(id).orElseThrow(() -> new NotFoundException("fine-tune job", id.toString()));
    }

    public List<FineTuneJob> list(JobStatus status, int page, int size) {
        return jobs.list(status, null, page, size);
    }

    public long count(JobStatus status) {
        return status == null ? jobs.count() : jobs.count("status", status);
    }

    /** Cancels a job of the caller (admins: any). A final job cannot be cancelled (409). */
    public FineTuneJob cancel(Caller caller, UUID id) {
        FineTuneJob job = job(id);
        if (!caller.admin() && !caller.name().equals(job.createdBy)) {
            throw new ForbiddenException("Only " + job.createdBy + " or an administrator may cancel this job");
        }
        if (job.status.isFinal()) {
            throw new ConflictException("The job is " + job.status + " already");
        }
        FineTuneJob updated = queue.requestCancel(id);
        running.stop(id);
        return updated;
    }

    @Transactional
    public List<JobEvent> events(UUID id, long afterId) {
        return events.after(id, afterId);
    }
}
