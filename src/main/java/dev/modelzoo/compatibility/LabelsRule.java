package dev.modelzoo.compatibility;

import dev.modelzoo.spec.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The task must be classification on both sides; the data need at least 2 labels and an example of each; fewer than
 * {@code minPerClass} examples of a label is a warning.
 */
final class LabelsRule implements CompatibilityRule {

    private final int minPerClass;

    LabelsRule(int minPerClass) {
        this.minPerClass = minPerClass;
    }

    /** Whether the data's own labels allow a classifier at all (whatever the base): two labels, each with examples. */
    static boolean trainable(DataFacts data) {
        return !data.hasLabels() || data.countsPerLabel().size() >= 2 && !data.countsPerLabel().containsValue(0);
    }

    @Override
    public String name() {
        return "labels";
    }

    @Override
    public List<Finding> check(CheckRequest request) {
        List<Finding> findings = new ArrayList<>();
        if (request.base().outputSpec().task() != Task.CLASSIFICATION) {
            findings.add(Finding.error("task", "task", Task.CLASSIFICATION, request.base().outputSpec().task(),
                    "fine-tuning replaces the output layer with a classifier; this base is a "
                            + request.base().outputSpec().task() + " model",
                    "Choose a CLASSIFICATION base model"));
        }
        if (!request.data().hasLabels()) {
            return findings;
        }
        Map<String, Integer> counts = request.data().countsPerLabel();
        if (counts.size() < 2) {
            findings.add(Finding.error(name(), "labels", ">= 2 labels", counts.size() + " label(s)",
                    "a classifier needs at least two labels", "Add examples of at least one more label"));
        }
        for (Map.Entry<String, Integer> label : counts.entrySet()) {
            if (label.getValue() == 0) {
                findings.add(Finding.error(name(), "countsPerLabel." + label.getKey(), ">= 1", 0, "label '"
                        + label.getKey() + "' has no examples", "Add examples of '" + label.getKey()
                        + "' or drop the label"));
            } else if (label.getValue() < minPerClass) {
                findings.add(Finding.warning(name(), "countsPerLabel." + label.getKey(), ">= " + minPerClass,
                        label.getValue(), "label '" + label.getKey() + "' has only " + label.getValue()
                                + " example(s); expect an unstable result", null));
            }
        }
        return findings;
    }
}
