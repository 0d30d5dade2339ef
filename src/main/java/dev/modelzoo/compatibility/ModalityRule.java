package dev.modelzoo.compatibility;

import java.util.List;

/** Pre-training and fine-tuning must share the input type: IMAGE, AUDIO, TEXT, TABULAR or TIME_SERIES. */
final class ModalityRule implements CompatibilityRule {

    @Override
    public String name() {
        return "modality";
    }

    @Override
    public List<Finding> check(CheckRequest request) {
        var expected = request.base().inputSpec().modality();
        var actual = request.data().inputSpec().modality();
        if (expected == actual) {
            return List.of();
        }
        return List.of(Finding.error(name(), "modality", expected, actual, request.base().reference() + " takes "
                + expected + " input but the data are " + actual + "; features learnt on one input type do not"
                + " transfer to another", "Choose a base model whose input is " + actual
                + " (see compatibleBases), or bring " + expected + " data for this base"));
    }
}
