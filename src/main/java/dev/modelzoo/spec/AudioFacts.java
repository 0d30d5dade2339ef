package dev.modelzoo.spec;

/**
 * What validation found in an AUDIO dataset: the sample rate all its clips share, the largest channel count (clips
 * are mixed to mono), and the shortest and longest clip in samples.
 */
public record AudioFacts(int sampleRate, int channels, int minSamples, int maxSamples) {

    public double maxSeconds() {
        return maxSamples / (double) sampleRate;
    }

    /** Whether the longest clip outlasts {@code clipSamples} at {@code clipRate} (by more than half a sample). */
    public boolean longerThan(int clipSamples, int clipRate) {
        return maxSeconds() > (clipSamples + 0.5) / clipRate;
    }
}
