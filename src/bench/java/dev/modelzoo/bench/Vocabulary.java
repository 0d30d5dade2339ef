package dev.modelzoo.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Pronounceable made-up words (2-4 syllables), distinct and reproducible from a seed. */
final class Vocabulary {

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "z", "br", "st", "tr", "pl", "gr"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou"};

    private Vocabulary() {
    }

    static List<String> words(int count, long seed) {
        Random random = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            words.add(word.toString());
        }
        return new ArrayList<>(words);
    }
}
