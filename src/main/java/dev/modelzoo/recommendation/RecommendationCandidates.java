package dev.modelzoo.recommendation;

import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.ModelVersionRepository;
import dev.modelzoo.compatibility.CompatibilityService;
import dev.modelzoo.compatibility.Finding;
import dev.modelzoo.compatibility.Severity;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.spec.Strategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database half of a ranking, in one short transaction: the dataset version and the latest versions that may be
 * scored (compatible, not trained on the dataset), the others with the reason. The scoring itself (featurizing,
 * probing: seconds) runs after it, holding no connection.
 */
@ApplicationScoped
public class RecommendationCandidates {

    private final ModelVersionRepository versions;
    private final DatasetService datasets;
    private final CompatibilityService compatibility;
    private final ModelZooConfig.Recommendation config;

    public RecommendationCandidates(ModelVersionRepository versions, DatasetService datasets,
            CompatibilityService compatibility, ModelZooConfig config) {
        this.versions = versions;
        this.datasets = datasets;
        this.compatibility = compatibility;
        this.config = config.recommendation();
    }

    /** The dataset (detached), the bases to score (detached, most downloaded first) and the rejected ones. */
    public record Resolved(DatasetVersion dataset, List<ModelVersion> scorable, List<ConsideredBase> rejected) {
    }

    @Transactional
    public Resolved resolve(String namespace, String name, Integer version, RecommendationService.Filter filter) {
        DatasetVersion dataset = datasets.version(namespace, name, version);
        List<ModelVersion> scorable = new ArrayList<>();
        List<ConsideredBase> rejected = new ArrayList<>();
        for (ModelVersion base : versions.latestVersions(config.maxCandidates())) {
            if (!filter.accepts(base)) {
                continue;
            }
            Optional<Finding> error = compatibility.findings(base, dataset, null, Strategy.HEAD_ONLY, null, false)
                    .stream().filter(f -> f.severity() == Severity.ERROR).findFirst();
            if (error.isPresent()) {
                rejected.add(new ConsideredBase(base.reference(), error.get().message(), error.get().suggestion()));
            } else if (trainedOn(base, dataset)) {
                // its features were fitted to these very examples: a probe on them would flatter it
                rejected.add(new ConsideredBase(base.reference(), base.reference() + " was trained on "
                        + dataset.reference() + " itself, so its score would be measured on its own training data",
                        "Rank it on data it was not trained on, e.g. a test dataset"));
            } else {
                scorable.add(base);
            }
        }
        return new Resolved(dataset, scorable, rejected);
    }

    private static boolean trainedOn(ModelVersion base, DatasetVersion dataset) {
        return base.trainingDataset != null && dataset.sha256.equals(base.trainingDataset.sha256());
    }
}
