package dev.modelzoo.client.view;

/** The clips of an AUDIO dataset: their common sample rate, largest channel count, shortest and longest length. */
public record AudioFacts(int sampleRate, int channels, int minSamples, int maxSamples) {

    public double maxSeconds() {
        return maxSamples / (double) sampleRate;
    }
}
