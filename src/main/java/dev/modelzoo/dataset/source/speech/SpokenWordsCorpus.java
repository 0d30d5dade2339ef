package dev.modelzoo.dataset.source.speech;

import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.Resampler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The spoken-words corpus of zoo/spoken-words-cnn: the words of {@code speech/spoken-words.txt} (no number words)
 * spoken by espeak-ng with, per clip, a seeded English dialect, one of the training voice variants (or none), a
 * speed of 130-230 words per minute and a pitch of 15-85, then trimmed, placed at a random offset in the clip,
 * with noise (p 0.8) and gain ({@link ClipAugmenter}). Clip {@code k} of a word depends only on the seed, the word's
 * index and {@code k}, so any range of clips can be made again, in any order.
 */
public final class SpokenWordsCorpus {

    public static final long SEED = 20_261_201L;
    static final double NOISE_PROBABILITY = 0.8;

    private SpokenWordsCorpus() {
    }

    /** The corpus vocabulary, in file order. */
    public static List<String> words() {
        try (InputStream in = SpokenWordsCorpus.class.getResourceAsStream("/speech/spoken-words.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).distinct().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clip {@code k} of word number {@code wordIndex} at {@code sampleRate}, {@code clipSamples} long. */
    public static float[] clip(SpeechVoices voices, List<String> words, int wordIndex, int k, long seed,
            int sampleRate, int clipSamples) {
        Random random = new Random(seed * 1_000_003L + wordIndex * 10_007L + k);
        String dialect = voices.dialects().get(random.nextInt(voices.dialects().size()));
        int variant = random.nextInt(voices.trainingVariants().size() + 1);
        String voice = variant == voices.trainingVariants().size() ? dialect
                : dialect + "+" + voices.trainingVariants().get(variant);
        Clip spoken = Synthesizer.espeak(voice, 130 + random.nextInt(101), 15 + random.nextInt(71),
                words.get(wordIndex));
        float[] speech = ClipAugmenter.trimSilence(Resampler.resample(spoken.samples(), spoken.sampleRate(),
                sampleRate));
        return ClipAugmenter.record(speech, clipSamples, NOISE_PROBABILITY, random);
    }

    /** Features and labels (word indices) of clips {@code from..to-1} of every word, in word-major order. */
    public static Featurized generate(SpeechVoices voices, List<String> words, int from, int to, long seed,
            int sampleRate, int clipSamples, Supplier<UnaryOperator<float[]>> featurizer, int threads) {
        int perWord = to - from;
        ThreadLocal<UnaryOperator<float[]>> features = ThreadLocal.withInitial(featurizer);
        List<float[]> rows = Parallel.map(words.size() * perWord, threads, i -> features.get().apply(
                clip(voices, words, i / perWord, from + i % perWord, seed, sampleRate, clipSamples)));
        int[] labels = new int[rows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perWord;
        }
        return new Featurized(rows.toArray(float[][]::new), labels);
    }

    /** Network input rows and their labels. */
    public record Featurized(float[][] features, int[] labels) {
    }
}
