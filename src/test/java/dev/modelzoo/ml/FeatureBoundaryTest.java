package dev.modelzoo.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.spec.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feature boundary comes from the network's layer types; strategies turn it into stages. */
class FeatureBoundaryTest {

    private static final List<String> LENET = List.of("ConvolutionLayer", "SubsamplingLayer", "ConvolutionLayer",
            "SubsamplingLayer", "DenseLayer", "OutputLayer");

    @Test
    void theBoundaryIsTheEndOfTheLeadingConvolutionalStack() {
        assertThat(FeatureBoundary.of(LENET)).isEqualTo(3);
        assertThat(FeatureBoundary.of(List.of("ConvolutionLayer", "BatchNormalization", "ActivationLayer",
                "SubsamplingLayer", "GlobalPoolingLayer", "DenseLayer", "DropoutLayer", "OutputLayer"))).isEqualTo(4);
        // conv straight into the output layer: the boundary is the feature layer itself
        assertThat(FeatureBoundary.of(List.of("ConvolutionLayer", "SubsamplingLayer", "OutputLayer"))).isEqualTo(1);
        assertThat(FeatureBoundary.of(List.of("DenseLayer", "DropoutLayer", "OutputLayer"))).isNull();
        assertThat(FeatureBoundary.of(List.of("LSTM", "RnnOutputLayer"))).isNull();
        assertThat(FeatureBoundary.of(List.of("OutputLayer"))).isNull();
        assertThat(FeatureBoundary.of(List.of())).isNull();
    }

    @Test
    void strategiesAreStagesOfGradualUnfreezing() {
        assertThat(Strategy.HEAD_ONLY.stages(4, 3, null)).containsExactly(4);
        assertThat(Strategy.FREEZE_FEATURES.stages(4, 3, null)).containsExactly(4, 3);
        assertThat(Strategy.FULL.stages(4, 3, null)).containsExactly(4, 3, -1);
        assertThat(Strategy.AUTO.stages(4, 3, null)).containsExactly(4, 3, -1);
        assertThat(Strategy.FREEZE_UP_TO.stages(4, 3, 4)).containsExactly(4);
        assertThat(Strategy.FREEZE_UP_TO.stages(4, 3, 3)).containsExactly(4, 3);
        assertThat(Strategy.FREEZE_UP_TO.stages(4, 3, 0)).containsExactly(4, 3, 0);
        // without a convolutional stack (an MLP): head, then everything
        assertThat(Strategy.FULL.stages(1, null, null)).containsExactly(1, -1);
        assertThat(Strategy.AUTO.stages(1, null, null)).containsExactly(1, -1);
        assertThat(Strategy.ofStage(3, 4, 3)).isEqualTo(Strategy.FREEZE_FEATURES);
        assertThat(Strategy.ofStage(-1, 4, 3)).isEqualTo(Strategy.FULL);
        assertThat(Strategy.ofStage(0, 4, 3)).isEqualTo(Strategy.FREEZE_UP_TO);
    }
}
