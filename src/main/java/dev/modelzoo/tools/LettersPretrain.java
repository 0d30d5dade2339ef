package dev.modelzoo.tools;

import dev.modelzoo.catalog.DatasetDigest;
import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.dataset.source.letters.FontCatalog;
import dev.modelzoo.dataset.source.letters.LetterClasses;
import dev.modelzoo.dataset.source.letters.LettersCorpus;
import dev.modelzoo.ml.Architectures;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The recipe of zoo/letters-lenet: the letters corpus rendered from the pinned Debian fonts (never a digit), split
 * into training and held-out images per class, LeNet-5 trained on it. Writes the list of fonts used with their
 * sha256 next to the manifest entry ({@code corpora/letters-fonts.sha256}).
 */
final class LettersPretrain {

    static final int EPOCHS = 4;
    /** Images per class: the first TRAIN_PER_CLASS train, the rest are the held-out test split. */
    static final int PER_CLASS = 3_000;
    static final int TRAIN_PER_CLASS = 2_800;
    static final long CORPUS_SEED = 20_261_201L;
    static final String FONT_LIST = "corpora/letters-fonts.sha256";

    private final ReferenceData data;
    private final Pretrain pretrain;

    LettersPretrain(ReferenceData data, Pretrain pretrain) {
        this.data = data;
        this.pretrain = pretrain;
    }

    void run(int epochs) throws IOException {
        System.setProperty("java.awt.headless", "true");
        long start = System.nanoTime();
        FontCatalog.Selection fonts = FontCatalog.select(data.fonts());
        ImageSet train = LettersCorpus.generate(fonts.fonts(), 0, TRAIN_PER_CLASS, CORPUS_SEED);
        ImageSet test = LettersCorpus.generate(fonts.fonts(), TRAIN_PER_CLASS, PER_CLASS, CORPUS_SEED);
        System.out.printf(Locale.ROOT, "letters corpus: %d fonts kept of %d candidates (dropped %s), %d training and"
                        + " %d test images, %.1f s%n", fonts.fonts().size(), fonts.candidates(), fonts.dropped(),
                train.size(), test.size(), (System.nanoTime() - start) / 1e9);
        writeFontList(fonts);

        Map<String, Object> corpus = new LinkedHashMap<>();
        corpus.put("name", "letters-corpus");
        corpus.put("source", "Debian font packages pinned in src/scripts/fonts.packages (" + packages(fonts)
                + " packages); every file verified against src/scripts/fonts.sha256");
        corpus.put("generator", "dev.modelzoo.dataset.source.letters.LettersCorpus, seed " + CORPUS_SEED);
        corpus.put("classes", LetterClasses.NAMES.size() + " EMNIST-balanced letters (26 capitals + a b d e f g h n q"
                + " r t; c i j k l m o p s u v w x y z drawn in either case); no digits");
        corpus.put("fonts", fonts.fonts().size());
        corpus.put("fontCandidates", fonts.candidates());
        corpus.put("fontsDropped", fonts.dropped().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a,
                        LinkedHashMap::new)));
        corpus.put("fontListDigest", fonts.digest());
        corpus.put("fontList", FONT_LIST);
        corpus.put("images", train.size() + test.size());
        corpus.put("augmentation", "per image: size 24/27/30 px; dilate p0.35 (3 or 5 px) or erode p0.20 (3 px);"
                + " rotation U(-15,15) deg, x-shear U(-0.3,0.3), scale U(0.8,1.2) per axis; elastic p0.5 (5x5"
                + " Gaussian grid, sigma U(1.1,3) px); longest side 20 px, centre of mass at the centre of 28x28;"
                + " Gaussian noise p0.3 (sigma U(0.01,0.08))");
        corpus.put("split", "per class, images 0-" + (TRAIN_PER_CLASS - 1) + " train, " + TRAIN_PER_CLASS + "-"
                + (PER_CLASS - 1) + " held-out test");
        pretrain.train("letters-lenet", Architectures.lenet(1, 28, 28, LetterClasses.NAMES.size(), Pretrain.SEED,
                        Pretrain.LEARNING_RATE), Pretrain.images(train), Pretrain.images(test), epochs,
                new Pretrain.Describe(
                        "LeNet-5 pre-trained on 100,000+ letters rendered from " + fonts.fonts().size()
                                + " fonts (37 classes, no digits): a base that transfers to handwriting",
                        List.of("vision", "lenet", "letters", "glyphs", "grayscale"),
                        Pretrain.imageSpec(), new OutputSpec(Task.CLASSIFICATION, LetterClasses.NAMES),
                        new DatasetDigest("letters-corpus (" + train.size() + " training images, seed "
                                + CORPUS_SEED + ")", fonts.digest()),
                        corpus, Architectures.LENET, card(fonts, train.size(), test.size())));
    }

    private void writeFontList(FontCatalog.Selection fonts) throws IOException {
        StringBuilder lines = new StringBuilder();
        fonts.fonts().forEach(font -> lines.append(font.sha256()).append("  ").append(font.file()).append('\n'));
        Path file = pretrain.manifestDirectory().resolve(FONT_LIST);
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines.toString());
    }

    private static long packages(FontCatalog.Selection fonts) {
        return fonts.fonts().stream().map(font -> font.file().substring(0, font.file().indexOf('/'))).distinct()
                .count();
    }

    private static String card(FontCatalog.Selection fonts, int train, int test) {
        return String.format(Locale.ROOT, """
                Trained on %,d synthetic images of the 37 EMNIST-balanced letter classes (26 capitals and a b d e f g h n
                q r t; letters whose cases look alike are drawn in either case), rendered from %d fonts of %d pinned
                Debian font packages (serif, sans, monospace, handwriting and script faces) and augmented per image
                (stroke thickness, rotation, shear, scale, elastic distortion, noise), then normalised like MNIST:
                white glyph on black, longest side 20 px, centred by mass in 28x28. Evaluated on %,d held-out images of
                the same corpus. Input: one 28x28 grayscale image, values in [0, 1].

                **It never saw a digit** (nor any handwriting): handwritten digits are a different task in the same
                domain of pen-like strokes, which is why its features transfer to them.

                **Intended use**: a base for transfer learning on small grayscale images of strokes and symbols
                (handwritten digits, letters, signs) with only a few examples per class. Option 1 (new head on the
                frozen 500-unit dense features) is the cheap and strong choice with few examples.

                **Limits**: synthetic glyphs only; a few decorative fonts put odd shapes on letter code points (label
                noise); knows nothing of photographs or textures.
                """, train, fonts.fonts().size(), packages(fonts), test);
    }
}
