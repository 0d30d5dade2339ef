package dev.modelzoo.finetune;

import dev.modelzoo.ml.audio.AudioFeatures;
import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.InputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WAV clips of a dataset as an AUDIO base's input, through the base's front end: with {@code adapt}, clips at
 * another rate are resampled and longer clips trimmed (what was done is the recipe's adapter); without it, they
 * must already fit (the checker's gate makes sure).
 */
final class AudioInput {

    private final AudioFeatures features;
    private final String adapter;

    private AudioInput(AudioFeatures features, String adapter) {
        this.features = features;
        this.adapter = adapter;
    }

    static AudioInput of(InputSpec base, AudioFacts clips, boolean adapt) {
        if (base.preprocessing() == null || base.preprocessing().audio() == null
                || base.preprocessing().sampleRate() == null) {
            throw new JobFailure(ErrorCode.INVALID_INPUT, "The base declares no audio front end"
                    + " (inputSpec.preprocessing.audio); WAV clips cannot be turned into its input");
        }
        int rate = base.preprocessing().sampleRate();
        int clipSamples = base.preprocessing().audio().clipSamples();
        List<String> steps = new ArrayList<>();
        if (clips != null && clips.sampleRate() != rate) {
            if (!adapt) {
                throw new JobFailure(ErrorCode.INVALID_INPUT, "The clips are sampled at " + clips.sampleRate()
                        + " Hz, the base hears " + rate + " Hz; set adapt to resample them");
            }
            steps.add("resampled " + clips.sampleRate() + " -> " + rate + " Hz");
        }
        if (clips != null && clips.longerThan(clipSamples, rate)) {
            if (!adapt) {
                throw new JobFailure(ErrorCode.INVALID_INPUT, "Clips are longer than the base's " + clipSamples
                        + " samples; set adapt to trim them");
            }
            steps.add(String.format(Locale.ROOT, "trimmed to the first %.2f s", clipSamples / (double) rate));
        }
        return new AudioInput(new AudioFeatures(rate, base.preprocessing().audio()),
                steps.isEmpty() ? null : "audio " + String.join(", ", steps));
    }

    float[] features(Clip clip) {
        return features.of(clip);
    }

    /** What the job did to the clips, or null when they fitted as they were. */
    String adapter() {
        return adapter;
    }
}
