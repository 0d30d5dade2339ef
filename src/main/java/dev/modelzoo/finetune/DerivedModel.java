package dev.modelzoo.finetune;

import dev.modelzoo.catalog.DatasetDigest;
import dev.modelzoo.catalog.LineageRelation;
import dev.modelzoo.catalog.Metric;
import dev.modelzoo.catalog.VersionMetadata;
import dev.modelzoo.ml.EvaluationResult;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.Split;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Strategy;
import dev.modelzoo.spec.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The metadata a finished job publishes: labels from the dataset, the parent with the relation, the full recipe,
 * the evaluation, and a card that states the transfer gain (or loss) against the from-scratch baseline honestly.
 */
final class DerivedModel {

    private final FineTuneJob job;
    private final JobInputs.Base base;
    private final String datasetReference;
    private final TrainingData.Prepared prepared;
    private final Strategy chosen;
    private final int frozenUpTo;
    private final Split split;
    private final FineTuner.Outcome outcome;
    private final FineTuner.Outcome baseline;
    private final Map<String, Object> decision;
    private final double seconds;

    DerivedModel(FineTuneJob job, JobInputs.Base base, String datasetReference, TrainingData.Prepared prepared,
            Strategy chosen, int frozenUpTo, Split split, FineTuner.Outcome outcome, FineTuner.Outcome baseline,
            Map<String, Object> decision, double seconds) {
        this.job = job;
        this.base = base;
        this.datasetReference = datasetReference;
        this.prepared = prepared;
        this.chosen = chosen;
        this.frozenUpTo = frozenUpTo;
        this.split = split;
        this.outcome = outcome;
        this.baseline = baseline;
        this.decision = decision;
        this.seconds = seconds;
    }

    VersionMetadata metadata() {
        LinkedHashSet<String> tags = new LinkedHashSet<>(base.tags());
        tags.add("fine-tuned");
        List<Metric> metrics = new ArrayList<>(List.of(
                new Metric("accuracy", round(outcome.evaluation().accuracy()), "validation"),
                new Metric("loss", round(outcome.evaluation().loss()), "validation")));
        if (baseline != null) {
            metrics.add(new Metric("baseline_accuracy", round(baseline.evaluation().accuracy()), "validation"));
            metrics.add(new Metric("transfer_gain", round(gain()), "validation"));
        }
        return new VersionMetadata(
                "Fine-tuned from " + base.reference() + " on " + datasetReference + " (" + chosen + ")",
                base.license(), List.copyOf(tags).subList(0, Math.min(20, tags.size())), card(), base.inputSpec(),
                new OutputSpec(Task.CLASSIFICATION, prepared.labels()),
                new DatasetDigest(datasetReference, job.datasetSha256), metrics,
                new VersionMetadata.ParentDeclaration(base.reference(), LineageRelation.valueOf(chosen.name())),
                recipe(), null);
    }

    Map<String, Object> evaluation() {
        return evaluationMap(outcome.evaluation(), true);
    }

    Map<String, Object> baseline() {
        return baseline == null ? null : evaluationMap(baseline.evaluation(), false);
    }

    private Map<String, Object> evaluationMap(EvaluationResult result, boolean detailed) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("accuracy", result.accuracy());
        map.put("loss", JobRunner.finite(result.loss()));
        map.put("split", "validation");
        map.put("count", result.count());
        if (detailed) {
            map.put("labels", prepared.labels());
            map.put("perClass", result.perClass().stream().map(score -> Map.of(
                    "label", prepared.labels().get(score.label()), "support", score.support(),
                    "precision", score.precision(), "recall", score.recall())).toList());
            map.put("confusionMatrix", result.confusion());
        }
        return map;
    }

    private Map<String, Object> recipe() {
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("job", job.id.toString());
        recipe.put("base", Map.of("reference", base.reference(), "sha256", base.sha256()));
        recipe.put("dataset", Map.of("reference", datasetReference, "sha256", job.datasetSha256,
                "examples", prepared.data().size(), "labels", prepared.labels()));
        recipe.put("strategy", job.strategy.name());
        recipe.put("appliedStrategy", chosen.name());
        recipe.put("frozenLayers", frozenUpTo < 0 ? List.of() : IntStream.rangeClosed(0, frozenUpTo).boxed().toList());
        recipe.put("outputLayer", "replaced: softmax over " + prepared.labels().size() + " labels");
        recipe.put("adapter", prepared.adapter());
        recipe.put("tokenizer", prepared.tokenizer());
        recipe.put("hyperparameters", job.hyperparameters);
        recipe.put("optimizer", "Adam");
        recipe.put("seed", job.hyperparameters.seed());
        recipe.put("validation", Map.of("fraction", job.hyperparameters.validationFraction(), "stratified", true,
                "trainCount", split.train().length, "validationCount", split.validation().length));
        recipe.put("featureCache", frozenUpTo < 0 ? "not used (no frozen layers)"
                : outcome.featuresFromStore() ? "hit" : "computed and stored");
        if (decision != null) {
            recipe.put("autoDecision", decision);
        }
        recipe.put("libraries", Map.of("deeplearning4j", "1.0.0-M2.1", "nd4j-native", "1.0.0-M2.1 linux-x86_64"));
        recipe.put("trainingSeconds", Math.round(seconds * 10) / 10.0);
        return recipe;
    }

    private String card() {
        EvaluationResult result = outcome.evaluation();
        StringBuilder card = new StringBuilder();
        card.append("# ").append(job.target()).append("\n\n")
                .append("Fine-tuned by ModelZoo job `").append(job.id).append("` from **").append(base.reference())
                .append("** (sha256 `").append(base.sha256(), 0, 12).append("...`) on **").append(datasetReference)
                .append("** with strategy **").append(chosen).append("**");
        if (job.strategy == Strategy.AUTO) {
            card.append(" (chosen by AUTO)");
        }
        card.append(frozenUpTo >= 0 ? ": layers 0-" + frozenUpTo + " frozen, " : ": all layers trained, ")
                .append("a new output layer for ").append(prepared.labels().size()).append(" labels.\n\n");
        if (prepared.adapter() != null) {
            card.append("Input adapter: ").append(prepared.adapter()).append(".\n\n");
        }
        card.append(String.format(Locale.ROOT, "**Validation accuracy: %.4f** on %d held-out examples (stratified"
                        + " %.0f%% split, seed %d), loss %.4f.%n%n", result.accuracy(), result.count(),
                job.hyperparameters.validationFraction() * 100, job.hyperparameters.seed(), result.loss()));
        if (baseline != null) {
            double gain = gain();
            card.append(String.format(Locale.ROOT, "**Baseline**: the same architecture trained from scratch on the"
                    + " same split with the same budget reached %.4f. ", baseline.evaluation().accuracy()));
            card.append(gain >= 0
                    ? String.format(Locale.ROOT, "Transfer gain: **+%.1f points**.", gain * 100)
                    : String.format(Locale.ROOT, "Transfer **loss: %.1f points** - on these data training from"
                            + " scratch did better than starting from %s.", -gain * 100, base.reference()));
            card.append("\n\n");
        }
        if (result.count() < 100) {
            card.append("Note: with ").append(result.count()).append(" validation examples a difference of a few"
                    + " points is within noise.\n\n");
        }
        card.append("Intended use: classifying ").append(String.join(", ", prepared.labels()))
                .append(" with inputs prepared like the base model's (see its card). Limits: trained on ")
                .append(split.train().length).append(" examples; inherits the limits of ").append(base.reference())
                .append(".\n");
        return card.toString();
    }

    private double gain() {
        return outcome.evaluation().accuracy() - baseline.evaluation().accuracy();
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : 0;
    }
}
