package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.BaselineReport;
import dev.modelzoo.finetune.result.Evaluation;
import dev.modelzoo.finetune.result.StageReport;
import dev.modelzoo.spec.Strategy;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The model card of a derived version, honest about its evidence: it leads with the test figures when the job had
 * a test dataset (else it says the figures come from the validation split), gives every accuracy with its example
 * count and 95% interval, and states the gain or loss against the from-scratch baseline.
 */
final class DerivedCard {

    private final DerivedModel derived;
    private final FineTuneJob job;
    private final Evaluation headline;

    DerivedCard(DerivedModel derived) {
        this.derived = derived;
        this.job = derived.job();
        this.headline = derived.headline();
    }

    String text() {
        StringBuilder card = new StringBuilder();
        card.append("# ").append(job.target()).append("\n\n");
        card.append(lead());
        if (derived.baseline() != null) {
            card.append(baseline(derived.baseline()));
        }
        card.append(provenance());
        card.append("Intended use: classifying ").append(String.join(", ", derived.prepared().labels()))
                .append(" with inputs prepared like the base model's (see its card). Limits: trained on ")
                .append(derived.split().train().length).append(" examples; inherits the limits of ")
                .append(derived.base().reference()).append(".\n");
        return card.toString();
    }

    private String lead() {
        StringBuilder lead = new StringBuilder();
        if (headline.split() == Evaluation.Split.test) {
            lead.append(String.format(Locale.ROOT, "**Test accuracy: %s** on %,d examples of %s, which the job"
                    + " never trained on nor used for a decision.%n%n", figure(headline), headline.count(),
                    headline.dataset()));
            lead.append(String.format(Locale.ROOT, "Validation accuracy: %s on %d held-out examples of %s.%n%n",
                    figure(derived.validation()), derived.validation().count(), derived.datasetReference()));
        } else {
            lead.append(String.format(Locale.ROOT, "**Validation accuracy: %s** on %d held-out examples (a stratified"
                    + " %.0f%% of %s, seed %d). These figures come from the validation split, which also chose the"
                    + " kept epochs%s; a fine-tune with a `testDataset` reports an unbiased test figure.%n%n",
                    figure(headline), headline.count(), job.hyperparameters.validationFraction() * 100,
                    derived.datasetReference(), job.hyperparameters.seed(),
                    job.strategy == Strategy.AUTO ? " and the strategy" : ""));
        }
        if (headline.count() < 100) {
            double width = (headline.interval().high() - headline.interval().low()) * 100;
            lead.append(String.format(Locale.ROOT, "With %d examples the 95%% interval is %.0f points wide:"
                    + " differences smaller than that are noise.%n%n", headline.count(), width));
        }
        return lead.toString();
    }

    private String baseline(BaselineReport baseline) {
        Evaluation scratch = baseline.headline();
        double gain = baseline.gain() * 100;
        String verdict = gain >= 0
                ? String.format(Locale.ROOT, "Transfer gain: **+%.1f points**.", gain)
                : String.format(Locale.ROOT, "Transfer **loss: %.1f points**: on these data training from scratch"
                        + " did better than starting from %s.", -gain, derived.base().reference());
        return String.format(Locale.ROOT, "**Baseline**: the same architecture trained from scratch on the same split"
                + " with the same budget rules reached %s on the %s examples. %s%n%n", figure(scratch),
                scratch.split(), verdict);
    }

    private String provenance() {
        StringBuilder text = new StringBuilder();
        Trained trained = derived.trained();
        text.append("Fine-tuned by ModelZoo job `").append(job.id).append("` from **")
                .append(derived.base().reference()).append("** (sha256 `").append(derived.base().sha256(), 0, 12)
                .append("...`) on **").append(derived.datasetReference()).append("** with strategy **")
                .append(trained.applied()).append("**").append(job.strategy == Strategy.AUTO ? " (chosen by AUTO)" : "")
                .append(trained.frozenUpTo() >= 0 ? ": layers 0-" + trained.frozenUpTo() + " kept frozen, "
                        : ": all layers trained, ")
                .append("a new output layer for ").append(derived.prepared().labels().size()).append(" labels. ");
        text.append("Training by gradual unfreezing (new head first, then deeper stages): ")
                .append(trained.stages().stream().map(StageReport::describe).collect(Collectors.joining("; ")))
                .append(". Epochs: ").append(job.hyperparameters.budget().describe()).append(".\n\n");
        if (derived.trained().decision() != null) {
            text.append("AUTO: ").append(derived.trained().decision().explanation()).append(".\n\n");
        }
        if (derived.prepared().adapter() != null) {
            text.append("Input adapter: ").append(derived.prepared().adapter()).append(".\n\n");
        }
        return text.toString();
    }

    /** "0.9120 (95% interval 0.8990-0.9230)". */
    static String figure(Evaluation evaluation) {
        return String.format(Locale.ROOT, "%.4f (95%% interval %.4f-%.4f)", evaluation.accuracy(),
                evaluation.interval().low(), evaluation.interval().high());
    }
}
