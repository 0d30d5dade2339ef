package dev.modelzoo.bench;

import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.LogMelSpectrogram;
import dev.modelzoo.ml.audio.WavDecoder;
import dev.modelzoo.ml.audio.Wavs;

/**
 * Clips per second through the audio front end on one thread: WAV bytes decoded, resampled when the file's rate
 * differs, and turned into a 98x40 log-mel spectrogram (1 s at 16 kHz, 25 ms window, 10 ms hop). Issue target: at
 * least 500 clips/s. Run: ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.modelzoo.bench.AudioFrontEndBenchmark
 */
public final class AudioFrontEndBenchmark {

    private AudioFrontEndBenchmark() {
    }

    public static void main(String[] args) {
        LogMelSpectrogram front = new LogMelSpectrogram(new LogMelSpectrogram.Spec(16_000, 16_000, 400, 160, 40,
                true));
        System.out.printf("%-36s %12s%n", "input", "clips/s");
        for (int rate : new int[] {16_000, 8_000, 22_050, 44_100}) {
            byte[] wav = Wavs.wav(rate, 16, false, Wavs.sine(440, 0.4, rate, 1));
            int warm = 200;
            for (int i = 0; i < warm; i++) {
                front.compute(WavDecoder.decode(wav, 10));
            }
            int clips = 2000;
            long start = System.nanoTime();
            for (int i = 0; i < clips; i++) {
                Clip clip = WavDecoder.decode(wav, 10);
                front.compute(clip);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-36s %12.0f%n", "1 s, 16-bit, " + rate + " Hz" + (rate == 16_000 ? "" : " (resampled)"),
                    clips / seconds);
        }
    }
}
