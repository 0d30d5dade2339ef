package dev.modelzoo.compatibility;

import dev.modelzoo.spec.Modality;
import java.util.ArrayList;
import java.util.List;

/**
 * Every dimension of the example shape must match the base's: channels, height, width for images; features for
 * tables; sequence length for pre-tokenized text; channels, frames, bins for audio. Each mismatching dimension is
 * its own violation; across modalities the whole shapes are compared once. With {@code adapt}, image size and
 * channel count are converted by the job instead.
 */
final class ShapeRule implements CompatibilityRule {

    @Override
    public String name() {
        return "shape";
    }

    @Override
    public List<Finding> check(CheckRequest request) {
        var base = request.base().inputSpec();
        var data = request.data().inputSpec();
        if (base.modality() == Modality.AUDIO && data.modality() == Modality.AUDIO && request.data().audio() != null) {
            return List.of();   // WAV clips become the base's shape through its front end (AudioRule)
        }
        if (base.modality() != data.modality() || base.shape().size() != data.shape().size()) {
            return base.shape().equals(data.shape()) ? List.of() : List.of(Finding.error(name(), "shape",
                    base.shape() + " " + base.modality().dimensionNames(),
                    data.shape() + " " + data.modality().dimensionNames(), request.base().reference()
                            + " takes examples of shape " + base.shape() + ", the data have " + data.shape(),
                    "Bring data shaped " + base.shape() + " or choose a base for " + data.modality() + " data "
                            + (request.data().audio() != null ? "with an audio front end (see compatibleBases)"
                            : "shaped " + data.shape())));
        }
        if (base.modality() == Modality.TEXT && request.data().rawText()) {
            return textLength(request);
        }
        List<String> names = base.modality().dimensionNames();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < base.shape().size(); i++) {
            int expected = base.shape().get(i);
            int actual = data.shape().get(i);
            if (expected == actual) {
                continue;
            }
            String dimension = names.get(i);
            boolean adaptable = base.modality() == Modality.IMAGE;
            String message = request.base().reference() + " takes " + dimension + " " + expected + ", the data have "
                    + actual;
            if (adaptable && request.adapt()) {
                findings.add(Finding.warning(name(), dimension, expected, actual, message
                        + "; the job adapts it (" + Adapters.describe(dimension, actual, expected) + ")", null));
            } else {
                findings.add(Finding.error(name(), dimension, expected, actual, message,
                        suggestion(base.modality(), dimension, actual, expected, data.shape(), base.shape())));
            }
        }
        return findings;
    }

    private List<Finding> textLength(CheckRequest request) {
        int expected = request.base().inputSpec().shape().get(0);
        int actual = request.data().inputSpec().shape().get(0);
        if (actual <= expected) {
            return List.of();
        }
        return List.of(Finding.warning(name(), "sequenceLength", expected, actual, "the longest text has " + actual
                + " words; the tokenizer reads the first " + expected + " of each text", null));
    }

    private static String suggestion(Modality modality, String dimension, int actual, int expected, List<Integer> data,
            List<Integer> base) {
        if (modality != Modality.IMAGE) {
            return "Re-shape the data to " + base + " (" + String.join(", ", modality.dimensionNames()) + ")";
        }
        String adapt = ", or set \"adapt\": true in the fine-tune request to let the job do it";
        return switch (dimension) {
            case "channels" -> (actual == 3 && expected == 1 ? "Convert the RGB images to grayscale"
                    : actual == 1 && expected == 3 ? "Convert the grayscale images to RGB (repeat the channel)"
                    : "Convert the images from " + actual + " to " + expected + " channels") + adapt;
            default -> "Resize the images from " + data.get(1) + "x" + data.get(2) + " to " + base.get(1) + "x"
                    + base.get(2) + adapt;
        };
    }
}
