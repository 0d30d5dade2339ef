package dev.modelzoo.ml.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tokenizer {@value #ID}: lowercase words (letters, digits, apostrophes), the first {@code maxTokens} of them,
 * as unigrams and bigrams hashed with 32-bit FNV-1a into {@code vocabularySize} buckets; the bag of counts is
 * log-scaled ({@code log(1 + count)}) and L2-normalised. Part of a TEXT model's contract: the same code turns
 * training data, fine-tune datasets and prediction inputs into vectors.
 */
public final class HashedNgramTokenizer {

    public static final String ID = "hashed-ngrams-v1";
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}']+");

    private final int vocabularySize;
    private final int maxTokens;

    public HashedNgramTokenizer(int vocabularySize, int maxTokens) {
        if (vocabularySize < 2 || maxTokens < 1) {
            throw new IllegalArgumentException("vocabularySize >= 2 and maxTokens >= 1 required");
        }
        this.vocabularySize = vocabularySize;
        this.maxTokens = maxTokens;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** The words the tokenizer sees, in order (at most {@code maxTokens}). */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_SEPARATOR.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && words.size() < maxTokens) {
                words.add(word);
            }
        }
        return words;
    }

    /** The model input for {@code text}: {@code vocabularySize} values. */
    public float[] vectorize(String text) {
        float[] bag = new float[vocabularySize];
        List<String> words = words(text);
        for (int i = 0; i < words.size(); i++) {
            bag[bucket(words.get(i))]++;
            if (i > 0) {
                bag[bucket(words.get(i - 1) + ' ' + words.get(i))]++;
            }
        }
        double norm = 0;
        for (int i = 0; i < bag.length; i++) {
            if (bag[i] > 0) {
                bag[i] = (float) Math.log1p(bag[i]);
                norm += bag[i] * bag[i];
            }
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < bag.length; i++) {
                bag[i] *= scale;
            }
        }
        return bag;
    }

    int bucket(String token) {
        int hash = 0x811c9dc5;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.remainderUnsigned(hash, vocabularySize);
    }
}
