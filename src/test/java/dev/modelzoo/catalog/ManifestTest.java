package dev.modelzoo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.catalog.manifest.Manifest;
import dev.modelzoo.catalog.manifest.ManifestEntry;
import dev.modelzoo.ml.InputCheck;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkInspector;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.SpecValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed models-manifest: every entry parses, matches its artifact, loads and has the specs it claims. */
class ManifestTest {

    private static final Manifest MANIFEST = new Manifest(Path.of("models-manifest"));

    @Test
    void holdsTheFiveBaseModels() throws Exception {
        assertThat(MANIFEST.entries()).extracting(ManifestEntry::reference)
                .containsExactlyInAnyOrder("zoo/digits-0-4-lenet@1", "zoo/fashion-lenet@1", "zoo/fortunes-text@1",
                        "zoo/letters-lenet@1", "zoo/spoken-words-cnn@1");
    }

    @Test
    void everyEntryMatchesItsArtifactAndTheNetwork() throws Exception {
        List<ManifestEntry> entries = MANIFEST.entries();
        for (ManifestEntry entry : entries) {
            Path artifact = MANIFEST.artifact(entry);
            assertThat(Manifest.sha256(artifact)).as(entry.reference()).isEqualTo(entry.artifact().sha256());
            assertThat(Files.size(artifact)).isEqualTo(entry.artifact().sizeBytes());
            assertThat(SpecValidation.check(entry.inputSpec())).isEmpty();
            assertThat(SpecValidation.check(entry.outputSpec())).isEmpty();

            LoadedNetwork network = NetworkLoader.load(artifact, 1L << 31);
            assertThat(NetworkInspector.summarize(network).outputSize()).as(entry.reference())
                    .isEqualTo(entry.outputSpec().labels().size());
            List<Integer> shape = entry.inputSpec().shape();
            if (entry.inputSpec().modality() == Modality.IMAGE || entry.inputSpec().modality() == Modality.AUDIO) {
                assertThat(InputCheck.image(network, shape.get(0), shape.get(1), shape.get(2))).isEmpty();
            } else {
                assertThat(InputCheck.tokens(network, shape.get(0),
                        entry.inputSpec().preprocessing().vocabularySize())).isEmpty();
            }
            assertThat(entry.metrics()).anySatisfy(m -> {
                assertThat(m.name()).isEqualTo("accuracy");
                assertThat(m.split()).isEqualTo("test");
            });
            assertThat(entry.recipe()).containsKeys("command", "dataset", "epochs", "batchSize", "learningRate",
                    "seed", "libraries");
            assertThat(entry.card()).contains("Intended use").contains("Limits");
        }
    }

    @Test
    void spokenWordsCnnHearsNoDigitAndRecordsItsFrontEnd() throws Exception {
        ManifestEntry spoken = MANIFEST.entries().stream()
                .filter(e -> e.reference().equals("zoo/spoken-words-cnn@1")).findFirst().orElseThrow();
        assertThat(spoken.inputSpec().modality()).isEqualTo(Modality.AUDIO);
        assertThat(spoken.inputSpec().preprocessing().sampleRate()).isEqualTo(16_000);
        assertThat(spoken.inputSpec().preprocessing().audio().shape()).isEqualTo(spoken.inputSpec().shape());
        assertThat(spoken.outputSpec().labels()).hasSizeGreaterThanOrEqualTo(200)
                .doesNotContain("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "oh");
        assertThat(spoken.metrics().get(0).value()).isGreaterThan(0.5);
        assertThat(spoken.recipe().get("dataset").toString()).contains("clips=2").contains("espeak-ng");
        assertThat(spoken.card()).contains("## Measured transfer");
    }

    @Test
    void lettersLenetIsPreTrainedOnALargeCorpusOfLettersOnly() throws Exception {
        ManifestEntry letters = MANIFEST.entries().stream()
                .filter(e -> e.reference().equals("zoo/letters-lenet@1")).findFirst().orElseThrow();
        assertThat(letters.outputSpec().labels()).hasSize(37).doesNotContainAnyElementsOf(
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        @SuppressWarnings("unchecked")
        Map<String, Object> corpus = (Map<String, Object>) letters.recipe().get("dataset");
        assertThat((Integer) corpus.get("images")).isGreaterThanOrEqualTo(100_000);
        assertThat((Integer) corpus.get("fonts")).isGreaterThanOrEqualTo(300);
        // the font list digest is the digest of the committed list of font files and their sha256
        Path fontList = MANIFEST.directory().resolve((String) corpus.get("fontList"));
        assertThat(Manifest.sha256(fontList)).isEqualTo(corpus.get("fontListDigest"));
        assertThat(Files.readAllLines(fontList)).hasSize((Integer) corpus.get("fonts"))
                .allMatch(line -> line.matches("[0-9a-f]{64}  fonts-[a-z0-9-]+/.+\\.(ttf|otf)"));
        assertThat(letters.metrics()).filteredOn(m -> m.name().equals("accuracy")).singleElement()
                .satisfies(m -> {
                    assertThat(m.split()).isEqualTo("test");
                    assertThat(m.count()).isEqualTo(7400);
                    assertThat(m.interval()).hasSize(2);
                    assertThat(m.value()).isGreaterThan(0.85);
                });
        assertThat(letters.card()).contains("never saw a digit");
    }

    @Test
    void fashionLenetMeetsItsAccuracyTarget() throws Exception {
        ManifestEntry fashion = MANIFEST.entries().stream()
                .filter(e -> e.reference().equals("zoo/fashion-lenet@1")).findFirst().orElseThrow();
        assertThat(fashion.metrics()).filteredOn(m -> m.name().equals("accuracy"))
                .allSatisfy(m -> assertThat(m.value()).isGreaterThanOrEqualTo(0.89));
        assertThat(fashion.inputSpec().shape()).containsExactly(1, 28, 28);
        assertThat(fashion.outputSpec().labels()).hasSize(10);
    }
}
