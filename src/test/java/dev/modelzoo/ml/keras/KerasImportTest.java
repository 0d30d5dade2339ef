package dev.modelzoo.ml.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modelzoo.ml.ImageTensors;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkInspector;
import dev.modelzoo.ml.NetworkSummary;
import dev.modelzoo.testing.ImportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Keras HDF5 and TF.js layers models converted by DL4J, checked against outputs TF.js itself computed. */
class KerasImportTest {

    private static final long LIMIT = 1L << 30;

    @Test
    void aChannelsLastFunctionalCnnMatchesTfjsFromBothFormats() {
        for (KerasImport.Imported imported : new KerasImport.Imported[] {
                KerasImport.fromTfjs(ImportFixtures.file("tiny_cnn.tfjs.zip"), LIMIT),
                KerasImport.fromHdf5(ImportFixtures.file("tiny_cnn.h5"))}) {
            assertThat(imported.network().isGraph()).isTrue();
            assertThat(imported.channelsLast()).isTrue();
            assertThat(imported.dropoutsRemoved()).isPositive();
            assertMatchesReference(imported.network(), "tiny_cnn", 32, 32, 3);
            NetworkSummary summary = NetworkInspector.summarize(imported.network());
            // padding in front of the first convolution: the input is still 3 channels, and the stack ends at the pool
            assertThat(summary.input().size()).isEqualTo(3);
            assertThat(summary.layers().get(summary.featureBoundary()).name()).isEqualTo("pool");
            assertThat(summary.layers().get(summary.featureLayer()).name()).isEqualTo("features_dropout");
            // the residual add is crossed by the stem's output: no cut inside the block
            int depthwise = index(summary, "block_dw");
            assertThat(summary.cuts()).doesNotContain(depthwise).contains(summary.featureBoundary(),
                    summary.featureLayer(), index(summary, "stem_relu"));
        }
    }

    @Test
    void aSequentialModelBecomesALayerStackFromBothFormats() {
        for (Path file : new Path[] {ImportFixtures.file("tiny_mlp.tfjs.zip"), ImportFixtures.file("tiny_mlp.h5")}) {
            KerasImport.Imported imported = file.toString().endsWith(".zip") ? KerasImport.fromTfjs(file, LIMIT)
                    : KerasImport.fromHdf5(file);
            assertThat(imported.network().isGraph()).isFalse();
            assertThat(imported.channelsLast()).isFalse();
            double[][] reference = ImportFixtures.reference("tiny_mlp");
            for (int which = 0; which < reference.length; which++) {
                INDArray input = Nd4j.create(ImportFixtures.input(which, 8), new long[] {1, 8}, 'c');
                assertThat(imported.network().output(input).toDoubleVector())
                        .containsExactly(reference[which], within(1e-5));
            }
        }
    }

    @Test
    void theNsfwjsMobileNetV2MatchesTfjsWithin1e3FromBothFormats() {
        for (KerasImport.Imported imported : new KerasImport.Imported[] {
                KerasImport.fromTfjs(ImportFixtures.file("mobilenet_v2.tfjs.zip"), LIMIT),
                KerasImport.fromHdf5(ImportFixtures.file("mobilenet_v2.h5"))}) {
            assertThat(imported.network().parameterCount()).isEqualTo(2_619_461);
            assertThat(imported.kerasVersion()).isEqualTo("2.2.4");
            assertMatchesReference(imported.network(), "mobilenet_v2", 224, 224, 3);
        }
    }

    @Test
    void anUnsupportedLayerIsNamedWithItsType() {
        assertThatThrownBy(() -> KerasImport.fromHdf5(ImportFixtures.file("unsupported_layer.h5")))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessageContaining("'odd_layernormalization'").hasMessageContaining("LayerNormalization");
    }

    @Test
    void keras3AndNonModelFilesAreRejectedWithTheReason() throws Exception {
        assertThatThrownBy(() -> KerasImport.fromHdf5(ImportFixtures.file("keras3.h5")))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("Keras 3.6.0");
        Path notHdf5 = Files.createTempFile("not-a-model", ".h5");
        try {
            Files.writeString(notHdf5, "hello");
            assertThat(KerasImport.isHdf5(notHdf5)).isFalse();
            assertThat(KerasImport.isTfjsZip(notHdf5)).isFalse();
        } finally {
            Files.delete(notHdf5);
        }
        assertThat(KerasImport.isHdf5(ImportFixtures.file("tiny_cnn.h5"))).isTrue();
        assertThat(KerasImport.isTfjsZip(ImportFixtures.file("tiny_cnn.tfjs.zip"))).isTrue();
    }

    @Test
    void halfPrecisionWeightsDecode() {
        assertThat(TfjsArchive.halfToFloat((short) 0x3c00)).isEqualTo(1.0f);
        assertThat(TfjsArchive.halfToFloat((short) 0xc000)).isEqualTo(-2.0f);
        assertThat(TfjsArchive.halfToFloat((short) 0x3555)).isCloseTo(0.33325f, within(1e-5f));
        assertThat(TfjsArchive.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    }

    /** Feeds the registry's channels-first images; the network gets them in its own (channels-last) layout. */
    static void assertMatchesReference(LoadedNetwork network, String model, int height, int width, int channels) {
        double[][] reference = ImportFixtures.reference(model);
        for (int which = 0; which < reference.length; which++) {
            float[] chw = ImportFixtures.channelsFirst(ImportFixtures.input(which, height * width * channels), height,
                    width, channels);
            INDArray input = Nd4j.create(chw, new long[] {1, channels, height, width}, 'c');
            assertThat(network.output(ImageTensors.forNetwork(network, input)).toDoubleVector())
                    .as("%s on input %d", model, which).containsExactly(reference[which], within(1e-3));
        }
    }

    private static int index(NetworkSummary summary, String name) {
        return summary.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().index();
    }
}
