package dev.modelzoo.spec;

import dev.modelzoo.error.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Structural checks of specs on their own (before any network is involved). */
public final class SpecValidation {

    private SpecValidation() {
    }

    /** Rank and positivity of the shape per modality, and what TEXT needs in preprocessing. */
    public static List<Violation> check(InputSpec spec) {
        List<Violation> violations = new ArrayList<>();
        Modality modality = spec.modality();
        if (spec.shape().size() != modality.rank()) {
            violations.add(Violation.ofField("inputSpec.shape", modality.dimensionNames().toString(),
                    spec.shapeText(), modality + " inputs have shape " + modality.dimensionNames()));
        }
        for (int i = 0; i < spec.shape().size(); i++) {
            if (spec.shape().get(i) < 1) {
                violations.add(Violation.ofField("inputSpec.shape[" + i + "]", ">= 1",
                        String.valueOf(spec.shape().get(i)), "Every dimension must be at least 1"));
            }
        }
        violations.addAll(checkPreprocessing(spec.preprocessing()));
        if (modality == Modality.TEXT) {
            Preprocessing preprocessing = spec.preprocessing();
            if (preprocessing == null || preprocessing.tokenizer() == null || preprocessing.tokenizer().isBlank()) {
                violations.add(Violation.ofField("inputSpec.preprocessing.tokenizer", "a tokenizer id", "null",
                        "TEXT inputs must name their tokenizer"));
            }
            if (preprocessing == null || preprocessing.vocabularySize() == null
                    || preprocessing.vocabularySize() < 2) {
                violations.add(Violation.ofField("inputSpec.preprocessing.vocabularySize", ">= 2",
                        preprocessing == null ? "null" : String.valueOf(preprocessing.vocabularySize()),
                        "TEXT inputs must declare the vocabulary size of their tokenizer"));
            }
        }
        if (spec.preprocessing() != null && spec.preprocessing().audio() != null) {
            AudioFrontEnd audio = spec.preprocessing().audio();
            if (modality != Modality.AUDIO) {
                violations.add(Violation.ofField("inputSpec.preprocessing.audio", "absent", modality.name(),
                        "An audio front end belongs to AUDIO inputs only"));
            } else {
                List<Violation> frontEnd = audio.violations("inputSpec.preprocessing.audio",
                        spec.preprocessing().sampleRate());
                violations.addAll(frontEnd);
                if (frontEnd.isEmpty() && !audio.shape().equals(spec.shape())) {
                    violations.add(Violation.ofField("inputSpec.shape", audio.shape().toString(), spec.shapeText(),
                            "The audio front end produces " + audio.shape() + " [channels, frames, bins]"));
                }
            }
        }
        return violations;
    }

    /** A range is [min, max] with min < max; mean and std have one finite value per channel, std positive. */
    private static List<Violation> checkPreprocessing(Preprocessing preprocessing) {
        List<Violation> violations = new ArrayList<>();
        if (preprocessing == null) {
            return violations;
        }
        List<Double> range = preprocessing.range();
        if (range != null && (range.size() != 2 || range.contains(null) || !(range.get(0) < range.get(1))
                || range.stream().anyMatch(v -> !Double.isFinite(v)))) {
            violations.add(Violation.ofField("inputSpec.preprocessing.range", "[min, max] with min < max",
                    String.valueOf(range), "The value range must be two finite numbers, the smaller first"));
        }
        if (preprocessing.std() != null && preprocessing.std().stream().anyMatch(v -> v == null || !(v > 0)
                || !Double.isFinite(v))) {
            violations.add(Violation.ofField("inputSpec.preprocessing.std", "positive numbers",
                    String.valueOf(preprocessing.std()), "Standard deviations must be positive"));
        }
        if (preprocessing.mean() != null && preprocessing.mean().stream().anyMatch(v -> v == null
                || !Double.isFinite(v))) {
            violations.add(Violation.ofField("inputSpec.preprocessing.mean", "finite numbers",
                    String.valueOf(preprocessing.mean()), "Means must be finite numbers"));
        }
        return violations;
    }

    /** Labels must be distinct and non-blank; classification needs at least one. */
    public static List<Violation> check(OutputSpec spec) {
        List<Violation> violations = new ArrayList<>();
        if (spec.task() == Task.CLASSIFICATION && spec.labels().isEmpty()) {
            violations.add(Violation.ofField("outputSpec.labels", "at least one label", "[]",
                    "A classifier needs its labels, one per output unit"));
        }
        Set<String> seen = new HashSet<>();
        for (String label : spec.labels()) {
            if (label.isBlank() || label.length() > 200) {
                violations.add(Violation.ofField("outputSpec.labels", "1 to 200 characters", label,
                        "Labels must be non-blank and at most 200 characters"));
            } else if (!seen.add(label)) {
                violations.add(Violation.ofField("outputSpec.labels", "distinct labels", label,
                        "Label '" + label + "' appears twice"));
            }
        }
        return violations;
    }
}
