package dev.modelzoo.dataset.source.speech;

import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.Resampler;
import java.util.List;
import java.util.Random;

/**
 * The target task of the audio transfer benchmark and the README: the ten spoken digits, by voices the spoken-words
 * base never heard. Half of the clips are flite's (a second synthesizer: a random voice, duration stretch 0.8-1.4,
 * pitch 80-200 Hz), half espeak-ng's held-out variants with a random dialect, speed and pitch; both get the corpus's
 * noise and gain. Clip {@code k} of a digit depends only on the seed, the digit and {@code k}.
 */
public final class SpokenDigits {

    public static final List<String> DIGITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine");

    private SpokenDigits() {
    }

    /** Clip {@code k} of {@code digit} at {@code sampleRate}, {@code clipSamples} long. */
    public static LabeledClip clip(SpeechVoices voices, int digit, int k, long seed, int sampleRate,
            int clipSamples) {
        Random random = new Random(seed * 2_000_003L + digit * 20_011L + k);
        Clip spoken;
        if (k % 2 == 0) {
            String voice = voices.fliteVoices().get(random.nextInt(voices.fliteVoices().size()));
            spoken = Synthesizer.flite(voice, 0.8 + 0.6 * random.nextDouble(), 80 + random.nextInt(121),
                    DIGITS.get(digit));
        } else {
            String dialect = voices.dialects().get(random.nextInt(voices.dialects().size()));
            String variant = voices.heldOutVariants().get(random.nextInt(voices.heldOutVariants().size()));
            spoken = Synthesizer.espeak(dialect + "+" + variant, 130 + random.nextInt(101), 15 + random.nextInt(71),
                    DIGITS.get(digit));
        }
        float[] speech = ClipAugmenter.trimSilence(Resampler.resample(spoken.samples(), spoken.sampleRate(),
                sampleRate));
        return new LabeledClip(DIGITS.get(digit), ClipAugmenter.record(speech, clipSamples,
                SpokenWordsCorpus.NOISE_PROBABILITY, random), sampleRate);
    }

    /** Clips {@code from..to-1} of every digit, digit-major. */
    public static List<LabeledClip> generate(SpeechVoices voices, int from, int to, long seed, int sampleRate,
            int clipSamples, int threads) {
        int perDigit = to - from;
        return Parallel.map(DIGITS.size() * perDigit, threads, i -> clip(voices, i / perDigit, from + i % perDigit,
                seed, sampleRate, clipSamples));
    }
}
