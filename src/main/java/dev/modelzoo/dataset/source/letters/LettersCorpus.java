package dev.modelzoo.dataset.source.letters;

import dev.modelzoo.dataset.source.ImageSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The letters corpus of zoo/letters-lenet: MNIST-like 28x28 images of the 37 {@link LetterClasses} drawn from
 * fonts, deterministic from a seed. Image {@code i} of class {@code c} draws its font, its case (for merged classes)
 * and every augmentation from a generator seeded by (seed, c, i) alone, so the corpus does not depend on thread
 * scheduling, and the first {@code n} images of a class are the same for any larger corpus.
 */
public final class LettersCorpus {

    private LettersCorpus() {
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) of every class, class by class. */
    public static ImageSet generate(List<FontCatalog.UsableFont> fonts, int from, int to, long seed) {
        if (fonts.isEmpty()) {
            throw new IllegalArgumentException("No usable fonts");
        }
        int classes = LetterClasses.NAMES.size();
        int perClass = to - from;
        float[][] images = new float[classes * perClass][];
        int[] labels = new int[images.length];
        IntStream.range(0, images.length).parallel().forEach(k -> {
            int label = k / perClass;
            int index = from + k % perClass;
            SplittableRandom random = new SplittableRandom(mix(seed, label, index));
            FontCatalog.UsableFont font = fonts.get(random.nextInt(fonts.size()));
            String characters = LetterClasses.characters(label);
            char character = characters.charAt(random.nextInt(characters.length()));
            images[k] = GlyphAugmenter.draw(font.font(), character, random);
            labels[k] = label;
        });
        return new ImageSet(images, labels, LetterClasses.NAMES, GlyphAugmenter.SIDE, GlyphAugmenter.SIDE);
    }

    private static long mix(long seed, int label, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + label * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
