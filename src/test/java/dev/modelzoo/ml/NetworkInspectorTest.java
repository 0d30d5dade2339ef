package dev.modelzoo.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelzoo.testing.TinyNetworks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Architecture summaries and input checks on tiny networks built in the test. */
class NetworkInspectorTest {

    private static final long LIMIT = 1L << 30;

    @Test
    void summarizesAConvNetFromTheNetworkItself() {
        LoadedNetwork network = NetworkLoader.load(TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 1)), LIMIT);

        NetworkSummary summary = NetworkInspector.summarize(network);

        assertThat(summary.type()).isEqualTo("MultiLayerNetwork");
        assertThat(summary.layers()).extracting(LayerSummary::type)
                .containsExactly("ConvolutionLayer", "SubsamplingLayer", "DenseLayer", "OutputLayer");
        // conv: 3*3*1*4 + 4 = 40; dense: (3*3*4)*16 + 16 = 592; output: 16*3 + 3 = 51
        assertThat(summary.parameterCount()).isEqualTo(40 + 592 + 51);
        assertThat(summary.layers()).extracting(LayerSummary::parameters).containsExactly(40L, 0L, 592L, 51L);
        assertThat(summary.layers().get(2).nIn()).isEqualTo(36L);
        assertThat(summary.featureLayer()).isEqualTo(2);
        assertThat(summary.featureBoundary()).isEqualTo(1);
        assertThat(summary.outputSize()).isEqualTo(3);
        assertThat(summary.input()).isEqualTo(new InputLayout(InputLayout.Kind.CONVOLUTIONAL, 1, 0));
    }

    @Test
    void acceptsTheShapeTheNetworkWasBuiltFor() {
        LoadedNetwork network = NetworkLoader.load(TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 1)), LIMIT);

        assertThat(InputCheck.image(network, 1, 8, 8)).isEmpty();
    }

    @Test
    void reportsChannelsAndSizeSeparately() {
        LoadedNetwork network = NetworkLoader.load(TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 1)), LIMIT);

        List<ShapeProblem> problems = InputCheck.image(network, 3, 12, 12);

        assertThat(problems).extracting(ShapeProblem::dimension).containsExactly("channels", "height", "width");
        assertThat(problems.get(0).expected()).isEqualTo("1");
        assertThat(problems.get(0).actual()).isEqualTo("3");
        assertThat(problems.get(1).expected()).isEqualTo("8");
        assertThat(problems.get(1).actual()).isEqualTo("12");
    }

    @Test
    void checksFeatureVectors() {
        LoadedNetwork network = NetworkLoader.load(TinyNetworks.save(TinyNetworks.denseNet(5, 2, 1)), LIMIT);

        assertThat(InputCheck.vector(network, 5)).isEmpty();
        assertThat(InputCheck.vector(network, 6)).extracting(ShapeProblem::dimension).containsExactly("features");
        assertThat(InputCheck.image(network, 1, 2, 2)).extracting(ShapeProblem::dimension).containsExactly("shape");
        assertThat(InputCheck.tokens(network, 10, 5)).isEmpty();
        assertThat(InputCheck.sequence(network, 5, 3)).extracting(ShapeProblem::dimension)
                .containsExactly("modality");
    }

    @Test
    void explainsBytesThatAreNotAModel() throws Exception {
        Path random = Files.createTempFile("random", ".bin");
        Files.write(random, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Path notDl4j = Files.createTempFile("plain", ".zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(notDl4j))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            zip.write("hello".getBytes());
        }

        assertThatThrownBy(() -> NetworkLoader.load(random, LIMIT)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("not a readable zip");
        assertThatThrownBy(() -> NetworkLoader.load(notDl4j, LIMIT)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("not a DL4J model");
    }

    @Test
    void refusesArchivesThatExpandBeyondTheLimit() {
        Path artifact = TinyNetworks.save(TinyNetworks.convNet(1, 8, 3, 1));

        assertThatThrownBy(() -> NetworkLoader.load(artifact, 100)).isInstanceOf(ArtifactException.class)
                .hasMessageContaining("expands to more than 100 bytes");
    }
}
