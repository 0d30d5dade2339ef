package dev.modelzoo.finetune;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.catalog.DatasetDigest;
import dev.modelzoo.catalog.LineageRelation;
import dev.modelzoo.catalog.Metric;
import dev.modelzoo.catalog.VersionMetadata;
import dev.modelzoo.finetune.result.BaselineReport;
import dev.modelzoo.finetune.result.Evaluation;
import dev.modelzoo.finetune.result.TrainingReport;
import dev.modelzoo.ml.Split;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a finished job publishes, from everything it knows: labels from the dataset, the relation to the parent,
 * the full recipe, the metrics (each accuracy with its count and 95% interval) and the card ({@link DerivedCard}).
 */
record DerivedModel(FineTuneJob job, JobInputs.Base base, String datasetReference, TrainingData.Prepared prepared,
        Split split, Trained trained, Evaluation validation, Evaluation test, BaselineReport baseline) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** The publish metadata; the parent is linked by the publisher (by id and digest), not declared here. */
    VersionMetadata metadata() {
        LinkedHashSet<String> tags = new LinkedHashSet<>(base.tags());
        tags.add("fine-tuned");
        return new VersionMetadata(
                "Fine-tuned from " + base.reference() + " on " + datasetReference + " (" + trained.applied() + ")",
                base.license(), List.copyOf(tags).subList(0, Math.min(20, tags.size())),
                new DerivedCard(this).text(),
                base.inputSpec(), new OutputSpec(Task.CLASSIFICATION, prepared.labels()),
                new DatasetDigest(datasetReference, job.datasetSha256), metrics(), null, recipe(), null, null);
    }

    LineageRelation relation() {
        return LineageRelation.valueOf(trained.applied().name());
    }

    TrainingReport training() {
        return TrainingReport.of(job.hyperparameters.budget().describe(), trained.stages());
    }

    Evaluation headline() {
        return test != null ? test : validation;
    }

    private List<Metric> metrics() {
        Evaluation headline = headline();
        String split = headline.split().name();
        List<Metric> metrics = new ArrayList<>(List.of(
                Metric.accuracy("accuracy", headline.accuracy(), split, headline.count()),
                new Metric("loss", round(headline.loss()), split)));
        if (test != null) {
            metrics.add(Metric.accuracy("validation_accuracy", validation.accuracy(), "validation",
                    validation.count()));
        }
        if (baseline != null) {
            Evaluation scratch = baseline.headline();
            metrics.add(Metric.accuracy("baseline_accuracy", scratch.accuracy(), split, scratch.count()));
            metrics.add(new Metric("transfer_gain", round(baseline.gain()), split));
        }
        return metrics;
    }

    private Map<String, Object> recipe() {
        Hyperparameters hp = job.hyperparameters;
        DerivedRecipe recipe = new DerivedRecipe(job.id.toString(),
                new DerivedRecipe.Source(base.reference(), base.sha256(), null),
                new DerivedRecipe.Source(datasetReference, job.datasetSha256, prepared.data().size()),
                test == null ? null : new DerivedRecipe.Source(job.testDatasetReference, job.testDatasetSha256,
                        test.count()),
                job.strategy, trained.applied(), DerivedRecipe.SCHEDULE,
                IntStream.rangeClosed(0, trained.frozenUpTo()).boxed().toList(),
                "replaced: softmax over " + prepared.labels().size() + " labels", prepared.adapter(),
                prepared.tokenizer(), hp, "Adam", hp.seed(), hp.budget().describe(), training(), trained.decision(),
                new DerivedRecipe.ValidationSplit(hp.validationFraction(), true, hp.seed(), split.train().length,
                        split.validation().length),
                trained.stages().stream().anyMatch(s -> Boolean.TRUE.equals(s.featuresFromCache())) ? "hit"
                        : trained.stages().stream().anyMatch(s -> s.featuresFromCache() != null)
                        ? "computed and stored" : "not used (no frozen layers)",
                DerivedRecipe.LIBRARIES,
                Math.round(trained.stages().stream().mapToDouble(s -> s.seconds()).sum() * 10) / 10.0);
        return JSON.convertValue(recipe, new TypeReference<Map<String, Object>>() { });
    }

    private static double round(Double value) {
        return value == null || !Double.isFinite(value) ? 0 : Math.round(value * 10_000) / 10_000.0;
    }
}
