package dev.modelzoo.bench;

import dev.modelzoo.catalog.manifest.Manifest;
import dev.modelzoo.catalog.manifest.ManifestEntry;
import dev.modelzoo.ml.audio.AudioFeatures;
import dev.modelzoo.ml.audio.LogMelSpectrogram;
import dev.modelzoo.ml.audio.WavDecoder;
import dev.modelzoo.ml.audio.Wavs;
import dev.modelzoo.spec.Preprocessing;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Clips per second through the audio front end on one thread, WAV bytes to network input: decoded, resampled when
 * the file's rate differs, padded to the clip and turned into log-mel spectrograms. Two front ends side by side:
 * zoo/spoken-words-cnn's own (from its manifest entry: 1 s at 16 kHz, 49 x 40) and a finer 98 x 40 one (25 ms window,
 * 10 ms hop). Issue target: at least 500 clips/s into the base's tensor. Run:
 * {@code ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.modelzoo.bench.AudioFrontEndBenchmark}
 */
public final class AudioFrontEndBenchmark {

    private AudioFrontEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ManifestEntry base = new Manifest(Path.of("models-manifest")).entries().stream()
                .filter(e -> e.reference().equals("zoo/spoken-words-cnn@1")).findFirst().orElseThrow();
        Preprocessing preprocessing = base.inputSpec().preprocessing();
        AudioFeatures features = new AudioFeatures(preprocessing.sampleRate(), preprocessing.audio());
        LogMelSpectrogram fine = new LogMelSpectrogram(new LogMelSpectrogram.Spec(16_000, 16_000, 400, 160, 40, true));
        System.out.printf("%-36s %22s %22s%n", "input", "base 49x40 clips/s", "98x40 clips/s");
        for (int rate : new int[] {16_000, 8_000, 22_050, 44_100}) {
            byte[] wav = Wavs.wav(rate, 16, false, Wavs.sine(440, 0.4, rate, 1));
            double ours = rate(() -> features.ofWav(wav, 10));
            double finer = rate(() -> fine.compute(WavDecoder.decode(wav, 10)));
            System.out.printf(Locale.ROOT, "%-36s %22.0f %22.0f%n", "1 s, 16-bit, " + rate + " Hz"
                    + (rate == 16_000 ? "" : " (resampled)"), ours, finer);
        }
    }

    private static double rate(Runnable clip) {
        for (int i = 0; i < 200; i++) {
            clip.run();
        }
        int clips = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < clips; i++) {
            clip.run();
        }
        return clips / ((System.nanoTime() - start) / 1e9);
    }
}
