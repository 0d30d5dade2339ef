package dev.modelzoo.testing;

import dev.modelzoo.ml.audio.Wavs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Small AUDIO datasets written by the tests: ZIPs of class folders of 16-bit WAV clips, where each label is a tone
 * of its own pitch (label i: 300 * (i + 1) Hz, a little detuned and noisy per clip), so a network can tell them apart.
 */
public final class AudioFixtures {

    private AudioFixtures() {
    }

    /** {@code perClass} clips of {@code seconds} at {@code sampleRate} for each label. */
    public static Path wavFolders(int sampleRate, double seconds, int perClass, String... labels) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int label = 0; label < labels.length; label++) {
            for (int i = 0; i < perClass; i++) {
                entries.put(labels[label] + "/" + i + ".wav", clip(sampleRate, seconds, label, i));
            }
        }
        return Fixtures.zip(entries);
    }

    /** One clip of label number {@code label}. */
    public static byte[] clip(int sampleRate, double seconds, int label, long seed) {
        Random random = new Random(seed * 31 + label);
        float[] samples = Wavs.sine(300.0 * (label + 1) * (0.97 + 0.06 * random.nextDouble()), 0.5, sampleRate,
                seconds);
        for (int i = 0; i < samples.length; i++) {
            samples[i] += (float) (0.02 * random.nextGaussian());
        }
        return Wavs.wav(sampleRate, 16, false, samples);
    }
}
