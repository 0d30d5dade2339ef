package dev.modelzoo.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modelzoo.testing.TinyNetworks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Budget rules, early stopping and gradual unfreezing on a tiny real network with learnable data. */
class GradualUnfreezingTest {

    @Test
    void autoEpochsGiveSmallDataEnoughUpdatesAndPatienceCoversAFifthOfThem() {
        TrainingBudget auto = new TrainingBudget(null, 32, true, null);
        // 40 images: 2 minibatches per epoch; 300 updates, patience 60 updates
        assertThat(auto.plan(40)).isEqualTo(new TrainingBudget.Plan(150, 30, 32, 2));
        // the head alone gets five times as many updates (and a five times higher cap): 750 epochs, patience 300
        assertThat(auto.plan(40, true)).isEqualTo(new TrainingBudget.Plan(750, 150, 32, 2));
        assertThat(new TrainingBudget(null, 32, true, null).plan(1, true).epochs()).isEqualTo(1500);
        // 400 images: 13 minibatches, 24 epochs for 312 updates; patience 5 epochs (65 updates)
        assertThat(auto.plan(400)).isEqualTo(new TrainingBudget.Plan(24, 5, 32, 13));
        assertThat(auto.plan(400, true)).isEqualTo(new TrainingBudget.Plan(116, 24, 32, 13));
        // large data still get 3 epochs; tiny data are capped at 500
        assertThat(auto.plan(100_000).epochs()).isEqualTo(3);
        assertThat(new TrainingBudget(null, 1, true, null).plan(0).epochs()).isEqualTo(300);
        assertThat(new TrainingBudget(null, 2, true, null).plan(1).epochs()).isEqualTo(300);
        assertThat(new TrainingBudget(null, 32, true, null).plan(1).epochs()).isEqualTo(300);
        assertThat(new TrainingBudget(null, 64, true, null).plan(10).epochs()).isEqualTo(300);
        // an explicit number is honoured, without early stopping unless asked for
        assertThat(new TrainingBudget(12, 32, false, null).plan(40)).isEqualTo(new TrainingBudget.Plan(12, 0, 32, 2));
        assertThat(new TrainingBudget(12, 32, true, 4).plan(40).patience()).isEqualTo(4);
        assertThat(auto.describe()).isEqualTo("auto: enough epochs for 300 updates, 3-500 epochs (5 times both for"
                + " the head alone), early stopping on validation loss (patience a fifth of those updates, at least 5"
                + " epochs), best epoch restored");
    }

    @Test
    void earlyStoppingEndsAfterThePatienceAndRestoresTheBestEpoch() {
        Data data = data(60, 3);
        MultiLayerNetwork network = Transfer.build(new LoadedNetwork(TinyNetworks.convNet(1, 8, 4, 7)), 3, 0.05, 1)
                .multiLayer();
        List<INDArray> params = new ArrayList<>();
        FineTuneProgress recorder = new FineTuneProgress() {
            @Override
            public void onEpoch(String stage, EpochMetrics metrics) {
                params.add(network.params().dup());
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        StageResult result = StageTrainer.run(new LoadedNetwork(network), data.train, data.validation,
                new TrainingBudget.Plan(200, 3, 8, 6), 1, "FULL", recorder, GiveUp.NEVER);

        assertThat(result.history()).hasSize(result.epochsRun() + 1);
        assertThat(result.history().get(0).epoch()).isZero();
        assertThat(result.stopReason()).isEqualTo(StageResult.StopReason.EARLY_STOPPED);
        assertThat(result.epochsRun() - result.bestEpoch()).isEqualTo(3);
        double best = result.history().get(result.bestEpoch()).validationLoss();
        // no later epoch improved on the kept one by more than the noise margin
        assertThat(result.history().subList(result.bestEpoch(), result.history().size()))
                .allSatisfy(epoch -> assertThat(epoch.validationLoss()).isGreaterThan(best - StageTrainer.MIN_DELTA));
        assertThat(result.history().subList(0, result.bestEpoch()))
                .allSatisfy(epoch -> assertThat(epoch.validationLoss()).isGreaterThan(best));
        assertThat(result.validation().loss()).isCloseTo(best, within(1e-9));
        // the network is left with the best epoch's weights, not the last epoch's
        assertThat(network.params().toFloatVector()).isEqualTo(params.get(result.bestEpoch()).toFloatVector());
        assertThat(Evaluator.evaluate(new LoadedNetwork(network), data.validation).loss()).isCloseTo(best,
                within(1e-6));
    }

    @Test
    void aStageThatCannotImproveKeepsItsStartAndGivingUpEndsIt() {
        Data data = data(30, 5);
        MultiLayerNetwork network = Transfer.build(new LoadedNetwork(TinyNetworks.convNet(1, 8, 4, 7)), 3, 1e-9, 1)
                .multiLayer();
        INDArray start = network.params().dup();
        StageResult result = StageTrainer.run(new LoadedNetwork(network), data.train, data.validation,
                new TrainingBudget.Plan(50, 10, 8, 3), 1, "FULL", FineTuneProgress.SILENT,
                (startLoss, bestLoss) -> true);

        // a learning rate of 1e-9 changes nothing measurable: the stage gives up after its first epoch
        assertThat(result.stopReason()).isEqualTo(StageResult.StopReason.GAVE_UP);
        assertThat(result.epochsRun()).isEqualTo(1);
        assertThat(result.bestEpoch()).isZero();
        assertThat(result.improvedOnStart()).isFalse();
        assertThat(network.params().toFloatVector()).isEqualTo(start.toFloatVector());
    }

    @Test
    void stagesUnfreezeDeeperFromWhereTheLastEnded() {
        Data data = data(60, 9);
        MultiLayerNetwork base = TinyNetworks.convNet(1, 8, 4, 7);
        FineTuner.Settings settings = new FineTuner.Settings(new TrainingBudget(6, 8, false, null), 0.01, 3);
        FineTuner.Session session = FineTuner.start(new LoadedNetwork(base), data.all, data.split, settings, FineTuner.Features.NONE,
                FineTuneProgress.SILENT);
        FineTuner.Stage head = session.stage("HEAD_ONLY", 2, GiveUp.NEVER);
        FineTuner.Stage dense = session.stage("FREEZE_FEATURES", 1, GiveUp.NEVER);
        FineTuner.Stage full = session.stage("FULL", -1, GiveUp.NEVER);

        // head stage: only the new output layer moved
        assertThat(head.network().multiLayer().getLayer(0).params().toFloatVector()).isEqualTo(base.getLayer(0).params()
                .toFloatVector());
        assertThat(head.network().multiLayer().getLayer(2).params().toFloatVector()).isEqualTo(base.getLayer(2).params()
                .toFloatVector());
        // the dense stage starts from the trained head and also moves the dense layer, not the convolution
        assertThat(dense.network().multiLayer().getLayer(0).params().toFloatVector()).isEqualTo(base.getLayer(0).params()
                .toFloatVector());
        assertThat(dense.network().multiLayer().getLayer(2).params().toFloatVector()).isNotEqualTo(base.getLayer(2).params()
                .toFloatVector());
        assertThat(dense.result().history().get(0).validationLoss()).isCloseTo(
                head.result().validation().loss(), within(1e-5));
        assertThat(full.network().multiLayer().getLayer(0).params().toFloatVector()).isNotEqualTo(base.getLayer(0).params()
                .toFloatVector());
        assertThat(full.result().history().get(0).validationLoss()).isCloseTo(
                dense.result().validation().loss(), within(1e-5));
        // stages are snapshots: training later stages left the earlier ones' networks alone
        assertThat(head.network().multiLayer().getLayer(2).params().toFloatVector()).isEqualTo(base.getLayer(2).params()
                .toFloatVector());
        assertThat(session.stages()).hasSize(3);
        assertThatThrownBy(() -> session.stage("HEAD_ONLY", 2, GiveUp.NEVER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Evaluator.evaluate(full.network(), data.all).accuracy()).isGreaterThan(0.6);
    }

    @Test
    void thePlainJavaHeadTrainsExactlyLikeDl4jsOutputLayer() {
        Random random = new Random(5);
        float[][] rows = new float[40][8];
        int[] labels = new int[40];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 8; j++) {
                rows[i][j] = Math.max(0, (float) random.nextGaussian() + (j % 3 == labels[i] ? 1f : 0f));
            }
        }
        LabeledData features = LabeledData.of(rows, labels, 3, 8);
        // the new head of a dense net (8 features, 3 labels), as the head stage trains it
        MultiLayerNetwork head = new TrainableTail(Transfer.build(new LoadedNetwork(TinyNetworks.denseNet(4, 2, 3)),
                3, 0.01, 9), 0).network().multiLayer();
        MultiLayerNetwork reference = head.clone();
        LinearHead linear = new LinearHead(head.getLayer(0), features, features, 0.01);
        for (int update = 0; update < 25; update++) {
            int[] batch = {update % 40, (update * 7) % 40, (update * 13 + 1) % 40, (update * 3 + 2) % 40};
            double dl4jLoss = Trainable.of(new LoadedNetwork(reference), features, features).update(batch);
            assertThat(linear.update(batch)).as("loss of update %d", update).isCloseTo(dl4jLoss, within(1e-5));
        }
        linear.writeTo(head.getLayer(0));
        assertThat(head.params().toDoubleVector()).containsExactly(reference.params().toDoubleVector(),
                within(1e-5));
        assertThat(linear.validate().loss()).isCloseTo(Evaluator.evaluate(new LoadedNetwork(reference), features)
                .loss(), within(1e-5));
    }

    @Test
    void wilsonIntervalsAreHonestForTinySplits() {
        assertThat(Wilson.of95(4, 4).low()).isCloseTo(0.5101, within(1e-3));
        assertThat(Wilson.of95(4, 4).high()).isCloseTo(1.0, within(1e-9));
        assertThat(Wilson.of95(7, 10).low()).isCloseTo(0.3968, within(1e-3));
        assertThat(Wilson.of95(7, 10).high()).isCloseTo(0.8922, within(1e-3));
        assertThat(Wilson.of95(0, 20).low()).isEqualTo(0.0);
        assertThat(Wilson.of95(1800, 2000).high() - Wilson.of95(1800, 2000).low()).isLessThan(0.03);
        assertThat(Wilson.of95(0, 0)).isEqualTo(new Wilson(0, 1));
    }

    @Test
    void validationComparisonTreatsOneExampleAsNoise() {
        EvaluationResult nineOfTen = new EvaluationResult(10, 0.9, 0.40, List.of(), new int[0][0]);
        EvaluationResult eightOfTen = new EvaluationResult(10, 0.8, 0.30, List.of(), new int[0][0]);
        EvaluationResult sevenOfTen = new EvaluationResult(10, 0.7, 0.20, List.of(), new int[0][0]);
        // one example apart: the lower loss wins
        assertThat(ValidationComparison.better(eightOfTen, nineOfTen)).isTrue();
        // two examples apart: the higher accuracy wins whatever the loss
        assertThat(ValidationComparison.better(sevenOfTen, nineOfTen)).isFalse();
        assertThat(ValidationComparison.better(nineOfTen, sevenOfTen)).isTrue();
        assertThat(ValidationComparison.better(nineOfTen, nineOfTen)).isFalse();
    }

    /** Learnable 8x8 images of three patterns (top, bottom or left half bright), split 80/20. */
    private record Data(LabeledData all, Split split, LabeledData train, LabeledData validation) {
    }

    private static Data data(int perClass, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[perClass * 3][64];
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = i % 3;
            for (int p = 0; p < 64; p++) {
                int x = p % 8;
                int y = p / 8;
                boolean lit = labels[i] == 0 ? y < 4 : labels[i] == 1 ? y >= 4 : x < 4;
                rows[i][p] = (lit ? 0.65f : 0.1f) + random.nextFloat() * 0.3f;
            }
        }
        LabeledData all = LabeledData.of(rows, labels, 3, 1, 8, 8);
        Split split = Split.stratified(labels, 3, 0.2, seed);
        return new Data(all, split, all.subset(split.train()), all.subset(split.validation()));
    }
}
