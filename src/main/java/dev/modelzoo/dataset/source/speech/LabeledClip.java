package dev.modelzoo.dataset.source.speech;

/** A mono clip in [-1, 1] at {@code sampleRate} with its label. */
public record LabeledClip(String label, float[] samples, int sampleRate) {
}
