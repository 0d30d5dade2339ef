package dev.modelzoo.ml.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelzoo.ml.Evaluator;
import dev.modelzoo.ml.FineTuneProgress;
import dev.modelzoo.ml.FineTuner;
import dev.modelzoo.ml.GiveUp;
import dev.modelzoo.ml.LabeledData;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkInspector;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.NetworkSummary;
import dev.modelzoo.ml.Split;
import dev.modelzoo.ml.TrainingBudget;
import dev.modelzoo.testing.ImportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Gradual unfreezing on an imported channels-last computation graph: the head on featurized boundaries, then the
 * dense part, then everything (which crashes in DL4J M2.1 unless the importer's do-nothing dropouts are removed).
 */
class GraphFineTuneTest {

    @Test
    void anImportedGraphTrainsHeadFeaturesAndFullAndSurvivesASaveAndLoad() throws Exception {
        LoadedNetwork base = KerasImport.fromTfjs(ImportFixtures.file("tiny_cnn.tfjs.zip"), 1L << 30).network();
        NetworkSummary summary = NetworkInspector.summarize(base);
        LabeledData data = images(90, 3, 11).inLayout(base.channelsLast());
        Split split = Split.stratified(data.labels(), 3, 0.3, 5);
        FineTuner.Settings settings = new FineTuner.Settings(new TrainingBudget(8, 16, false, null), 3e-3, 5);
        FineTuner.Session session = FineTuner.start(base, data, split, settings, FineTuner.Features.NONE,
                FineTuneProgress.SILENT);

        FineTuner.Stage head = session.stage("HEAD_ONLY", summary.featureLayer(), GiveUp.NEVER);
        FineTuner.Stage features = session.stage("FREEZE_FEATURES", summary.featureBoundary(), GiveUp.NEVER);
        FineTuner.Stage full = session.stage("FULL", -1, GiveUp.NEVER);

        assertThat(params(head.network(), "stem_conv")).isEqualTo(params(base, "stem_conv"));
        assertThat(params(head.network(), "features")).isEqualTo(params(base, "features"));
        assertThat(params(features.network(), "features")).isNotEqualTo(params(base, "features"));
        assertThat(params(features.network(), "block_dw")).isEqualTo(params(base, "block_dw"));
        assertThat(params(full.network(), "stem_conv")).isNotEqualTo(params(base, "stem_conv"));
        assertThat(full.network().graph().getConfiguration().getNetworkOutputs()).containsExactly("classes");
        // every stage learns (the seeded random filters make poor features, so losses, not accuracies, are compared)
        for (FineTuner.Stage stage : session.stages()) {
            var history = stage.result().history();
            assertThat(history.get(history.size() - 1).validationLoss()).as(stage.label())
                    .isLessThan(history.get(0).validationLoss());
        }
        var fullHistory = full.result().history();
        assertThat(fullHistory.get(fullHistory.size() - 1).trainLoss()).isLessThan(fullHistory.get(1).trainLoss()
                * 0.7);
        // a cut a skip connection crosses cannot be a frozen prefix
        int inBlock = summary.layers().stream().filter(l -> l.name().equals("block_dw")).findFirst().orElseThrow()
                .index();
        assertThatThrownBy(() -> FineTuner.start(base, data, split, settings, FineTuner.Features.NONE,
                FineTuneProgress.SILENT).stage("FREEZE_UP_TO", inBlock, GiveUp.NEVER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boundary");

        Path saved = Files.createTempFile("graph", ".zip");
        try {
            NetworkLoader.save(full.network(), saved);
            LoadedNetwork loaded = NetworkLoader.load(saved, Long.MAX_VALUE);
            assertThat(loaded.channelsLast()).isTrue();
            assertThat(Evaluator.evaluate(loaded, data).loss())
                    .isEqualTo(Evaluator.evaluate(full.network(), data).loss());
        } finally {
            Files.delete(saved);
        }
    }

    private static float[] params(LoadedNetwork network, String layer) {
        return network.graph().getLayer(layer).params().toFloatVector();
    }

    /** 32x32 RGB images whose class is the brightest channel, with noise. */
    static LabeledData images(int count, int classes, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[count][3 * 32 * 32];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % classes;
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 32 * 32; p++) {
                    rows[i][c * 1024 + p] = (float) Math.min(1, Math.max(0, 0.3 + (c == labels[i] ? 0.35 : 0)
                            + random.nextGaussian() * 0.15));
                }
            }
        }
        return LabeledData.of(rows, labels, classes, 3, 32, 32);
    }
}
