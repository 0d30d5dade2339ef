package dev.modelzoo.compatibility;

import dev.modelzoo.catalog.InputFit;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Preprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The data must be preprocessed like the base's pre-training data: values inside the base's range and the same
 * mean/std normalisation; for TEXT, exactly the base's tokenizer and vocabulary size (raw text is tokenized by the
 * job with the base's tokenizer).
 */
final class PreprocessingRule implements CompatibilityRule {

    /** Slack for values that went through float rounding (the same in the catalog's SQL form of this rule). */
    private static final double EPSILON = InputFit.RANGE_EPSILON;

    @Override
    public String name() {
        return "preprocessing";
    }

    @Override
    public List<Finding> check(CheckRequest request) {
        var base = request.base().inputSpec();
        var data = request.data().inputSpec();
        if (base.modality() != data.modality()) {
            return List.of();
        }
        Preprocessing expected = base.preprocessing() == null ? Preprocessing.unitRange().withoutRange()
                : base.preprocessing();
        Preprocessing actual = data.preprocessing() == null ? Preprocessing.unitRange().withoutRange()
                : data.preprocessing();
        List<Finding> findings = new ArrayList<>();
        if (base.modality() == Modality.TEXT) {
            if (!request.data().rawText()) {
                tokenizer(request, expected, actual, findings);
            }
            return findings;
        }
        range(request, expected, actual, findings);
        if (!Objects.equals(expected.mean(), actual.mean()) || !Objects.equals(expected.std(), actual.std())) {
            findings.add(Finding.error(name(), "normalization", "mean " + expected.mean() + ", std " + expected.std(),
                    "mean " + actual.mean() + ", std " + actual.std(), "the base was trained on values normalised"
                            + " with mean " + expected.mean() + " and std " + expected.std(),
                    "Normalise the data with the base's mean and std before uploading"));
        }
        return findings;
    }

    private void range(CheckRequest request, Preprocessing expected, Preprocessing actual, List<Finding> findings) {
        List<Double> want = expected.range();
        List<Double> have = actual.range();
        if (want == null || have == null || want.size() != 2 || have.size() != 2) {
            return;
        }
        if (have.get(0) < want.get(0) - EPSILON || have.get(1) > want.get(1) + EPSILON) {
            String scale = have.get(1) > 1.5 && want.get(1) <= 1.0 + EPSILON
                    ? "Scale the values into " + want + " (for 8-bit pixels: divide by 255)"
                    : "Rescale the values into " + want;
            findings.add(Finding.error(name(), "range", want, have, request.base().reference() + " was trained on"
                    + " values in " + want + " but the data reach " + have, scale));
        }
    }

    private void tokenizer(CheckRequest request, Preprocessing expected, Preprocessing actual,
            List<Finding> findings) {
        if (!Objects.equals(expected.tokenizer(), actual.tokenizer())) {
            findings.add(Finding.error(name(), "tokenizer", expected.tokenizer(), actual.tokenizer(),
                    request.base().reference() + " reads tokens of " + expected.tokenizer() + "; ids from "
                            + actual.tokenizer() + " mean different words", "This base expects tokenizer "
                            + expected.tokenizer() + ": upload the raw text as JSON Lines (the job tokenizes it),"
                            + " re-tokenize with " + expected.tokenizer() + ", or pick a base built on "
                            + actual.tokenizer()));
        }
        if (!Objects.equals(expected.vocabularySize(), actual.vocabularySize())) {
            findings.add(Finding.error(name(), "vocabularySize", expected.vocabularySize(),
                    actual.vocabularySize(), "the base's input layer has " + expected.vocabularySize()
                            + " token ids, the data use " + actual.vocabularySize(), "Re-tokenize with "
                            + expected.tokenizer() + " and vocabularySize " + expected.vocabularySize()
                            + ", or upload raw text"));
        }
    }
}
