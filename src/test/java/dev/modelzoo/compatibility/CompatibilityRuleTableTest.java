package dev.modelzoo.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.AudioFrontEnd;
import dev.modelzoo.spec.AudioNormalization;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Preprocessing;
import dev.modelzoo.spec.Strategy;
import dev.modelzoo.spec.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule table: {base, data, strategy, expected verdict, expected findings}. A finding is written
 * {@code rule/field/E} (error) or {@code rule/field/W} (warning); the expected list must match exactly.
 */
class CompatibilityRuleTableTest {

    private static final List<String> TEN = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final Preprocessing UNIT = Preprocessing.unitRange();
    private static final Preprocessing HASHED = new Preprocessing(null, null, null, null, "hashed-ngrams-v1", 4096,
            null);

    // bases: LeNet (6 layers, feature layer 4), text MLP (3 layers), tabular, audio, series, output-only, regressor
    private static final BaseFacts LENET = withBoundary(base("zoo/lenet@1", Modality.IMAGE, UNIT, Task.CLASSIFICATION,
            6, 4, 1, 28, 28), 3);
    private static final BaseFacts TEXT = base("zoo/text@1", Modality.TEXT, HASHED, Task.CLASSIFICATION, 3, 1, 256);
    private static final BaseFacts TABLE = base("zoo/table@1", Modality.TABULAR, null, Task.CLASSIFICATION, 2, 0, 4);
    private static final BaseFacts AUDIO = base("zoo/audio@1", Modality.AUDIO, UNIT, Task.CLASSIFICATION, 5, 3, 1, 40,
            100);
    private static final AudioFrontEnd LOG_MEL = new AudioFrontEnd(AudioFrontEnd.LOG_MEL_V1, 16_000, 512, 320, 40,
            true, AudioNormalization.PER_CLIP);
    private static final BaseFacts SPOKEN = withBoundary(base("zoo/spoken-words-cnn@1", Modality.AUDIO,
            Preprocessing.forAudio(16_000, LOG_MEL), Task.CLASSIFICATION, 8, 6, 1, 49, 40), 5);
    private static final BaseFacts SERIES = base("zoo/series@1", Modality.TIME_SERIES, null, Task.CLASSIFICATION, 3, 1,
            3, 50);
    private static final BaseFacts OUTPUT_ONLY = base("zoo/logreg@1", Modality.IMAGE, UNIT, Task.CLASSIFICATION, 1,
            null, 1, 28, 28);
    private static final BaseFacts REGRESSOR = base("zoo/reg@1", Modality.TABULAR, null, Task.REGRESSION, 2, 0, 4);

    private static final Map<String, Integer> FIVE_BY_TEN = counts(5, 10);

    static Stream<Arguments> table() {
        return Stream.of(
                // modality
                row("same image spec", LENET, images(UNIT, 1, 28, 28), Strategy.HEAD_ONLY, null, false, true),
                row("text data on an image base", LENET, rawText(40), Strategy.HEAD_ONLY, null, false, false,
                        "modality/modality/E", "shape/shape/E"),
                row("image data on a text base", TEXT, images(UNIT, 1, 28, 28), Strategy.FULL, null, false, false,
                        "modality/modality/E", "shape/shape/E"),
                row("tabular data on an image base", LENET, table(4), Strategy.HEAD_ONLY, null, false, false,
                        "modality/modality/E", "shape/shape/E"),
                row("audio data on a series base", SERIES, data(Modality.AUDIO, UNIT, 1, 40, 100), Strategy.FULL, null,
                        false, false, "modality/modality/E", "shape/shape/E"),
                row("same shape, other modality", LENET, data(Modality.AUDIO, UNIT, 1, 28, 28), Strategy.FULL, null,
                        false, false, "modality/modality/E"),
                // shape
                row("rgb 32x32 on a gray 28x28 base", LENET, images(UNIT, 3, 32, 32), Strategy.HEAD_ONLY, null, false,
                        false, "shape/channels/E", "shape/height/E", "shape/width/E"),
                row("gray 32x32", LENET, images(UNIT, 1, 32, 32), Strategy.HEAD_ONLY, null, false, false,
                        "shape/height/E", "shape/width/E"),
                row("rgb 28x28", LENET, images(UNIT, 3, 28, 28), Strategy.FULL, null, false, false,
                        "shape/channels/E"),
                row("wider images only", LENET, images(UNIT, 1, 28, 40), Strategy.FULL, null, false, false,
                        "shape/width/E"),
                row("rgb 32x32 with adapt", LENET, images(UNIT, 3, 32, 32), Strategy.HEAD_ONLY, null, true, true,
                        "shape/channels/W", "shape/height/W", "shape/width/W"),
                row("adapt does not fix modality", LENET, rawText(10), Strategy.HEAD_ONLY, null, true, false,
                        "modality/modality/E", "shape/shape/E"),
                row("tabular features differ", TABLE, table(5), Strategy.HEAD_ONLY, null, false, false,
                        "shape/features/E"),
                row("tabular features match", TABLE, table(4), Strategy.HEAD_ONLY, null, false, true),
                row("audio bins differ", AUDIO, data(Modality.AUDIO, UNIT, 1, 40, 80), Strategy.FULL, null, false,
                        false, "shape/bins/E"),
                row("adapt is for images only", AUDIO, data(Modality.AUDIO, UNIT, 1, 40, 80), Strategy.FULL, null,
                        true, false, "shape/bins/E"),
                row("series steps differ", SERIES, data(Modality.TIME_SERIES, null, 3, 60), Strategy.FULL, null,
                        false, false, "shape/steps/E"),
                row("modality and shape wrong at once", LENET, table(784), Strategy.HEAD_ONLY,
                        null, false, false, "modality/modality/E", "shape/shape/E"),
                // preprocessing
                row("pixels in 0..255 on a 0..1 base", LENET, images(new Preprocessing(List.of(0.0, 255.0), null,
                        null, null, null, null, null), 1, 28, 28), Strategy.HEAD_ONLY, null, false, false,
                        "preprocessing/range/E"),
                row("range and shape wrong at once", LENET, images(new Preprocessing(List.of(0.0, 255.0), null, null,
                        null, null, null, null), 3, 28, 28), Strategy.FULL, null, false, false,
                        "preprocessing/range/E", "shape/channels/E"),
                row("mean/std normalised data on a 0..1 base", LENET, images(new Preprocessing(List.of(0.0, 1.0),
                        List.of(0.5), List.of(0.25), null, null, null, null), 1, 28, 28), Strategy.FULL, null, false,
                        false, "preprocessing/normalization/E"),
                row("raw text on a text base", TEXT, rawText(40), Strategy.HEAD_ONLY, null, false, true),
                row("raw text longer than the sequence length", TEXT, rawText(900), Strategy.HEAD_ONLY, null, false,
                        true, "shape/sequenceLength/W"),
                row("pre-tokenized with the same tokenizer", TEXT, tokens("hashed-ngrams-v1", 4096, 256),
                        Strategy.HEAD_ONLY, null, false, true),
                row("pre-tokenized with another tokenizer", TEXT, tokens("bpe-32k", 32000, 256), Strategy.HEAD_ONLY,
                        null, false, false, "preprocessing/tokenizer/E", "preprocessing/vocabularySize/E"),
                row("same tokenizer, other vocabulary", TEXT, tokens("hashed-ngrams-v1", 8192, 256), Strategy.FULL,
                        null, false, false, "preprocessing/vocabularySize/E"),
                row("pre-tokenized, other sequence length", TEXT, tokens("hashed-ngrams-v1", 4096, 128),
                        Strategy.FULL, null, false, false, "shape/sequenceLength/E"),
                // labels and task
                row("a single label", LENET, labelled(images(UNIT, 1, 28, 28), counts(1, 20)), Strategy.HEAD_ONLY,
                        null, false, false, "labels/labels/E"),
                row("a label without examples", LENET, labelled(images(UNIT, 1, 28, 28), Map.of("a", 10, "b", 0)),
                        Strategy.HEAD_ONLY, null, false, false, "labels/countsPerLabel.b/E"),
                row("three examples per label warns", LENET, labelled(images(UNIT, 1, 28, 28), counts(2, 3)),
                        Strategy.HEAD_ONLY, null, false, true, "labels/countsPerLabel.0/W",
                        "labels/countsPerLabel.1/W"),
                row("five per label is enough", LENET, labelled(images(UNIT, 1, 28, 28), counts(3, 5)),
                        Strategy.HEAD_ONLY, null, false, true),
                row("regression base", REGRESSOR, table(4), Strategy.FULL, null, false, false, "task/task/E"),
                row("input spec only: labels are not checked", LENET, new DataFacts(null, new InputSpec(
                        Modality.IMAGE, List.of(1, 28, 28), null, UNIT), false, null, null), Strategy.HEAD_ONLY, null,
                        false, true),
                // strategy
                row("full fine-tune", LENET, images(UNIT, 1, 28, 28), Strategy.FULL, null, false, true),
                row("auto", LENET, images(UNIT, 1, 28, 28), Strategy.AUTO, null, false, true),
                row("auto on a network without a convolutional stack", TEXT, rawText(40), Strategy.AUTO, null, false,
                        true),
                row("freeze the convolutional stack", LENET, images(UNIT, 1, 28, 28), Strategy.FREEZE_FEATURES, null,
                        false, true),
                row("freeze features of a network without a convolutional stack", TEXT, rawText(40),
                        Strategy.FREEZE_FEATURES, null, false, false, "strategy/strategy/E"),
                row("freeze features without a feature layer", OUTPUT_ONLY, images(UNIT, 1, 28, 28),
                        Strategy.FREEZE_FEATURES, null, false, false, "strategy/strategy/E"),
                row("freeze up to the second conv", LENET, images(UNIT, 1, 28, 28), Strategy.FREEZE_UP_TO, 2, false,
                        true),
                row("freeze up to the feature layer", LENET, images(UNIT, 1, 28, 28), Strategy.FREEZE_UP_TO, 4,
                        false, true),
                row("freeze up to the output layer", LENET, images(UNIT, 1, 28, 28), Strategy.FREEZE_UP_TO, 5, false,
                        false, "strategy/freezeUpTo/E"),
                row("freeze up to beyond the network", LENET, images(UNIT, 1, 28, 28), Strategy.FREEZE_UP_TO, 40,
                        false, false, "strategy/freezeUpTo/E"),
                row("freeze up to a negative index", LENET, images(UNIT, 1, 28, 28), Strategy.FREEZE_UP_TO, -1,
                        false, false, "strategy/freezeUpTo/E"),
                row("freeze up to without an index", LENET, images(UNIT, 1, 28, 28), Strategy.FREEZE_UP_TO, null,
                        false, false, "strategy/freezeUpTo/E"),
                row("freezeUpTo with HEAD_ONLY", LENET, images(UNIT, 1, 28, 28), Strategy.HEAD_ONLY, 2, false, false,
                        "strategy/freezeUpTo/E"),
                row("head only without a feature layer", OUTPUT_ONLY, images(UNIT, 1, 28, 28), Strategy.HEAD_ONLY,
                        null, false, false, "strategy/strategy/E"),
                row("full fine-tune without a feature layer", OUTPUT_ONLY, images(UNIT, 1, 28, 28), Strategy.FULL,
                        null, false, true),
                row("everything wrong at once", LENET, labelled(images(new Preprocessing(List.of(0.0, 255.0), null,
                        null, null, null, null, null), 3, 32, 32), counts(1, 2)), Strategy.FREEZE_UP_TO, 9, false,
                        false, "labels/countsPerLabel.0/W", "labels/labels/E", "preprocessing/range/E",
                        "shape/channels/E", "shape/height/E", "shape/width/E", "strategy/freezeUpTo/E"),
                // audio: WAV clips through the base's front end
                row("WAV clips on an image base", LENET, clips(16_000, 16_000), Strategy.HEAD_ONLY, null, false, false,
                        "modality/modality/E", "shape/shape/E"),
                row("images on the spoken-words base", SPOKEN, images(UNIT, 1, 28, 28), Strategy.HEAD_ONLY, null,
                        false, false, "modality/modality/E", "shape/shape/E"),
                row("16 kHz clips of 1 s on the 16 kHz base", SPOKEN, clips(16_000, 16_000), Strategy.HEAD_ONLY, null,
                        false, true),
                row("shorter clips are padded like the corpus", SPOKEN, clips(16_000, 9_000), Strategy.FULL, null,
                        false, true),
                row("8 kHz clips on a 16 kHz base", SPOKEN, clips(8_000, 8_000), Strategy.HEAD_ONLY, null, false,
                        false, "audio/sampleRate/E"),
                row("8 kHz clips with adapt are resampled", SPOKEN, clips(8_000, 8_000), Strategy.HEAD_ONLY, null,
                        true, true, "audio/sampleRate/W"),
                row("clips longer than the base hears", SPOKEN, clips(16_000, 40_000), Strategy.HEAD_ONLY, null, false,
                        false, "audio/clipLength/E"),
                row("longer 44.1 kHz clips with adapt", SPOKEN, clips(44_100, 88_200), Strategy.HEAD_ONLY, null, true,
                        true, "audio/clipLength/W", "audio/sampleRate/W"),
                row("WAV clips on an AUDIO base without a front end", AUDIO, clips(16_000, 16_000), Strategy.FULL,
                        null, false, false, "audio/frontEnd/E"),
                row("spectrograms declared at another rate", SPOKEN, data(Modality.AUDIO,
                        new Preprocessing(null, null, null, null, null, null, 8_000), 1, 49, 40), Strategy.FULL, null,
                        false, false, "audio/sampleRate/E"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void rule(String name, BaseFacts base, DataFacts data, Strategy strategy, Integer freezeUpTo, boolean adapt,
            boolean compatible, List<String> expected) {
        List<Finding> findings = new CompatibilityChecker(CompatibilityChecker.DEFAULT_MIN_PER_CLASS)
                .check(new CheckRequest(base, data, strategy, freezeUpTo, adapt));

        assertThat(findings.stream().map(f -> f.rule() + "/" + f.field() + "/" + f.severity().name().charAt(0))
                .sorted().toList()).as(name).isEqualTo(expected.stream().sorted().toList());
        assertThat(CompatibilityChecker.compatible(findings)).as(name).isEqualTo(compatible);
        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR)
                .allSatisfy(f -> assertThat(f.suggestion()).as(name + ": " + f.message()).isNotBlank());
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    }

    static Stream<Arguments> testDatasets() {
        DataFacts digits = images(UNIT, 1, 28, 28);
        return Stream.of(
                Arguments.of("same spec and labels", digits, images(UNIT, 1, 28, 28), true, List.of()),
                Arguments.of("labels in another order", digits, labelled(images(UNIT, 1, 28, 28),
                        reversed(FIVE_BY_TEN)), true, List.of()),
                Arguments.of("a label the model never learns", digits, labelled(images(UNIT, 1, 28, 28),
                        counts(6, 10)), false, List.of("testDataset/testDataset.labels/E")),
                Arguments.of("a label never tested", digits, labelled(images(UNIT, 1, 28, 28), counts(4, 10)), false,
                        List.of("testDataset/testDataset.labels/E")),
                Arguments.of("test images of another size", digits, images(UNIT, 1, 32, 32), false,
                        List.of("testDataset/testDataset.height/E", "testDataset/testDataset.width/E")),
                Arguments.of("test texts for an image base", digits, rawText(40), false,
                        List.of("testDataset/testDataset.modality/E", "testDataset/testDataset.shape/E")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("testDatasets")
    void testDatasetRule(String name, DataFacts data, DataFacts test, boolean compatible, List<String> expected) {
        List<Finding> findings = new CompatibilityChecker(CompatibilityChecker.DEFAULT_MIN_PER_CLASS)
                .check(new CheckRequest(LENET, data, test, Strategy.AUTO, null, false));

        assertThat(findings.stream().map(f -> f.rule() + "/" + f.field() + "/" + f.severity().name().charAt(0))
                .sorted().toList()).as(name).isEqualTo(expected.stream().sorted().toList());
        assertThat(CompatibilityChecker.compatible(findings)).as(name).isEqualTo(compatible);
        assertThat(findings).allSatisfy(f -> assertThat(f.message()).contains("test dataset"));
    }

    private static Map<String, Integer> reversed(Map<String, Integer> counts) {
        Map<String, Integer> reversed = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>(counts.keySet());
        Collections.reverse(labels);
        labels.forEach(label -> reversed.put(label, counts.get(label)));
        return reversed;
    }

    private static Arguments row(String name, BaseFacts base, DataFacts data, Strategy strategy, Integer freezeUpTo,
            boolean adapt, boolean compatible, String... findings) {
        return Arguments.of(name, base, data, strategy, freezeUpTo, adapt, compatible, Arrays.asList(findings));
    }

    private static BaseFacts base(String reference, Modality modality, Preprocessing preprocessing, Task task,
            int layers, Integer featureLayer, Integer... shape) {
        return new BaseFacts(reference, new InputSpec(modality, List.of(shape), null, preprocessing),
                new OutputSpec(task, task == Task.CLASSIFICATION ? TEN : List.of()), layers, featureLayer, null, null);
    }

    /** A base whose convolutional stack ends at {@code boundary}. */
    private static BaseFacts withBoundary(BaseFacts base, int boundary) {
        return new BaseFacts(base.reference(), base.inputSpec(), base.outputSpec(), base.layerCount(),
                base.featureLayer(), boundary, null);
    }

    private static DataFacts data(Modality modality, Preprocessing preprocessing, Integer... shape) {
        return new DataFacts("alice/data@1", new InputSpec(modality, List.of(shape), null, preprocessing), false,
                List.copyOf(FIVE_BY_TEN.keySet()), FIVE_BY_TEN);
    }

    /** An AUDIO dataset of WAV clips at {@code sampleRate}, the longest {@code longest} samples. */
    private static DataFacts clips(int sampleRate, int longest) {
        return new DataFacts("alice/clips@1", new InputSpec(Modality.AUDIO, List.of(1, longest), null,
                new Preprocessing(null, null, null, null, null, null, sampleRate)), false,
                List.copyOf(FIVE_BY_TEN.keySet()), FIVE_BY_TEN, new AudioFacts(sampleRate, 1, longest / 2, longest));
    }

    private static DataFacts images(Preprocessing preprocessing, Integer... shape) {
        return data(Modality.IMAGE, preprocessing, shape);
    }

    private static DataFacts table(int features) {
        return data(Modality.TABULAR, null, features);
    }

    private static DataFacts rawText(int longestText) {
        return new DataFacts("alice/texts@1", new InputSpec(Modality.TEXT, List.of(longestText), null, null), true,
                List.copyOf(FIVE_BY_TEN.keySet()), FIVE_BY_TEN);
    }

    private static DataFacts tokens(String tokenizer, int vocabulary, int length) {
        return new DataFacts(null, new InputSpec(Modality.TEXT, List.of(length), null, new Preprocessing(null, null,
                null, null, tokenizer, vocabulary, null)), false, null, null);
    }

    private static DataFacts labelled(DataFacts data, Map<String, Integer> counts) {
        return new DataFacts(data.reference(), data.inputSpec(), data.rawText(), List.copyOf(counts.keySet()),
                counts);
    }

    private static Map<String, Integer> counts(int labels, int perLabel) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < labels; i++) {
            counts.put(String.valueOf(i), perLabel);
        }
        return counts;
    }
}
