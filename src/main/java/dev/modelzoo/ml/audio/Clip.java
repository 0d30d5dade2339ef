package dev.modelzoo.ml.audio;

/** Decoded audio mixed down to mono: samples in [-1, 1] at {@code sampleRate}, with what the file held. */
public record Clip(float[] samples, int sampleRate, int channels, int bitsPerSample, boolean floatingPoint) {

    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
