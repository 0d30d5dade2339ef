package dev.modelzoo.dataset.source.speech;

import java.util.Random;

/**
 * What turns a synthesizer's clean utterance into a recording-like clip of fixed length: silence trimmed, the word
 * placed at a random offset, white or brown noise at a random signal-to-noise ratio, and a random gain.
 */
final class ClipAugmenter {

    private ClipAugmenter() {
    }

    /** The samples between the first and the last one above 2% of the peak. */
    static float[] trimSilence(float[] samples) {
        float peak = 0;
        for (float sample : samples) {
            peak = Math.max(peak, Math.abs(sample));
        }
        float threshold = peak * 0.02f;
        int first = 0;
        while (first < samples.length && Math.abs(samples[first]) <= threshold) {
            first++;
        }
        int last = samples.length - 1;
        while (last > first && Math.abs(samples[last]) <= threshold) {
            last--;
        }
        float[] out = new float[Math.max(0, last - first + 1)];
        System.arraycopy(samples, first, out, 0, out.length);
        return out;
    }

    /**
     * The utterance at a random offset in {@code length} samples (its start when longer), peak-normalised, with
     * noise (probability {@code noiseProbability}, SNR uniform in 5-35 dB) and a gain of -12 to 0 dB.
     */
    static float[] record(float[] speech, int length, double noiseProbability, Random random) {
        float[] clip = new float[length];
        int offset = speech.length >= length ? 0 : random.nextInt(length - speech.length + 1);
        float peak = 1e-9f;
        for (float sample : speech) {
            peak = Math.max(peak, Math.abs(sample));
        }
        double signalPower = 0;
        for (int i = 0; i < Math.min(length, speech.length); i++) {
            clip[offset + i] = speech[i] / peak * 0.9f;
            signalPower += clip[offset + i] * clip[offset + i];
        }
        signalPower /= Math.max(1, Math.min(length, speech.length));
        if (random.nextDouble() < noiseProbability) {
            double snrDb = 5 + 30 * random.nextDouble();
            boolean brown = random.nextBoolean();
            double noiseRms = Math.sqrt(signalPower / Math.pow(10, snrDb / 10));
            float[] noise = new float[length];
            double level = 0;
            double power = 0;
            for (int i = 0; i < length; i++) {
                double white = random.nextGaussian();
                // brown noise: leaky integral of white noise, most of its energy at low frequencies
                level = brown ? 0.98 * level + white : white;
                noise[i] = (float) level;
                power += level * level;
            }
            double scale = noiseRms / Math.sqrt(power / length + 1e-12);
            for (int i = 0; i < length; i++) {
                clip[i] += (float) (noise[i] * scale);
            }
        }
        double gain = Math.pow(10, -12 * random.nextDouble() / 20);
        for (int i = 0; i < length; i++) {
            clip[i] = (float) Math.max(-1, Math.min(1, clip[i] * gain));
        }
        return clip;
    }
}
