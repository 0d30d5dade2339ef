package dev.modelzoo.compatibility;

import dev.modelzoo.catalog.CatalogService;
import dev.modelzoo.catalog.ModelReference;
import dev.modelzoo.catalog.ModelVersion;
import dev.modelzoo.catalog.InputFit;
import dev.modelzoo.catalog.InputNormalization;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.dataset.DatasetService;
import dev.modelzoo.dataset.DatasetVersion;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Preprocessing;
import dev.modelzoo.spec.Strategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves references to facts, runs the checker and builds reports; also finds the bases that fit a dataset. */
@ApplicationScoped
public class CompatibilityService {

    /** A report suggests at most this many fitting bases, the most downloaded (the search lists them all). */
    static final int MAX_SUGGESTED = 20;

    private final CatalogService catalog;
    private final DatasetService datasets;
    private final CompatibilityChecker checker;

    public CompatibilityService(CatalogService catalog, DatasetService datasets, ModelZooConfig config) {
        this.catalog = catalog;
        this.datasets = datasets;
        this.checker = new CompatibilityChecker(config.compatibility().minPerClass());
    }

    /** The findings for a resolved base, dataset and test dataset (may be null), as the fine-tune gate sees them. */
    public List<Finding> findings(ModelVersion base, DatasetVersion dataset, DatasetVersion testDataset,
            Strategy strategy, Integer freezeUpTo, boolean adapt) {
        return checker.check(new CheckRequest(facts(base), facts(dataset),
                testDataset == null ? null : facts(testDataset), strategy, freezeUpTo, adapt));
    }

    /** Checks a base against a stored dataset and, when given, a test dataset (may be null). */
    public CompatibilityReport check(ModelReference base, DatasetReference dataset, DatasetReference testDataset,
            Strategy strategy, Integer freezeUpTo, String freezeUpToLayer, boolean adapt) {
        ModelVersion baseVersion = catalog.version(base);
        DatasetVersion datasetVersion = datasets.version(dataset.namespace(), dataset.name(), dataset.version());
        DataFacts test = testDataset == null ? null : facts(datasets.version(testDataset.namespace(),
                testDataset.name(), testDataset.version()));
        return report(baseVersion, facts(datasetVersion), test, strategy,
                FreezePoint.resolve(baseVersion.architecture, freezeUpTo, freezeUpToLayer), adapt);
    }

    /** Checks a base against a bare input spec (no labels to check). */
    public CompatibilityReport check(ModelReference base, InputSpec inputSpec, Strategy strategy, Integer freezeUpTo,
            String freezeUpToLayer, boolean adapt) {
        ModelVersion baseVersion = catalog.version(base);
        return report(baseVersion, new DataFacts(null, inputSpec, false, null, null), null, strategy,
                FreezePoint.resolve(baseVersion.architecture, freezeUpTo, freezeUpToLayer), adapt);
    }

    /**
     * What a base must match to take {@code dataset} in a HEAD_ONLY fine-tune without adapters, for the catalog's
     * {@code compatibleWith} filter; empty when no base can (the dataset's own labels do not allow a classifier).
     */
    public Optional<InputFit> fitFor(DatasetReference dataset) {
        return fitFor(facts(datasets.version(dataset.namespace(), dataset.name(), dataset.version())));
    }

    /** The same rules as the checker's modality, shape, preprocessing, labels and strategy rules for HEAD_ONLY. */
    static Optional<InputFit> fitFor(DataFacts data) {
        if (!LabelsRule.trainable(data)) {
            return Optional.empty();
        }
        InputSpec spec = data.inputSpec();
        Preprocessing preprocessing = spec.preprocessing();
        if (data.audio() != null) {
            // any clip becomes the base's shape through its front end: rank, sample rate and clip length decide
            return Optional.of(new InputFit(spec.modality(), List.of(1, 1, 1), true, null, null, data.audio()));
        }
        return Optional.of(new InputFit(spec.modality(), spec.shape(), data.rawText(),
                preprocessing == null ? null : preprocessing.range(), InputNormalization.of(preprocessing), null));
    }

    private List<String> suggestedBases(DataFacts data) {
        return fitFor(data).map(fit -> catalog.firstMatches(fit, MAX_SUGGESTED).stream()
                .map(hit -> hit.reference() + "@" + hit.latestVersion()).toList()).orElse(List.of());
    }

    private CompatibilityReport report(ModelVersion base, DataFacts data, DataFacts test, Strategy strategy,
            Integer freezeUpTo, boolean adapt) {
        List<Finding> findings = checker.check(new CheckRequest(facts(base), data, test, strategy, freezeUpTo,
                adapt));
        boolean compatible = CompatibilityChecker.compatible(findings);
        Set<String> suggestions = new LinkedHashSet<>();
        findings.stream().filter(f -> f.suggestion() != null).forEach(f -> suggestions.add(f.suggestion()));
        List<String> fitting = compatible || !data.hasLabels() ? List.of()
                : suggestedBases(data);
        if (!fitting.isEmpty()) {
            suggestions.add("Bases in the catalog that fit these data: " + String.join(", ", fitting));
        }
        return new CompatibilityReport(compatible, base.reference(), data.reference(), findings,
                List.copyOf(suggestions), fitting);
    }

    /** What the checker needs of a model version. */
    public static BaseFacts facts(ModelVersion version) {
        return new BaseFacts(version.reference(), version.inputSpec, version.outputSpec,
                version.architecture.layers().size(), version.architecture.featureLayer(),
                version.architecture.featureBoundary(), version.architecture.cuts());
    }

    /** What the checker needs of a dataset version: TEXT datasets are raw text for the base's tokenizer. */
    public static DataFacts facts(DatasetVersion version) {
        boolean text = version.modality == Modality.TEXT;
        Preprocessing preprocessing = version.audio != null
                ? new Preprocessing(null, null, null, null, null, null, version.audio.sampleRate())
                : text || version.valueRange == null ? null
                : new Preprocessing(version.valueRange, null, null, null, null, null, null);
        return new DataFacts(version.reference(), new InputSpec(version.modality, version.shape, "FLOAT32",
                preprocessing), text, version.labels, version.countsPerLabel, version.audio);
    }
}
