package dev.modelzoo.client.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fine-tune to start: base, dataset, optional test dataset, target model, strategy and settings. Build it with
 * {@link #builder(String, String, String)}: the three references are required, everything else optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FineTuneRequest(String base, String dataset, String testDataset, String target, Strategy strategy,
        Integer freezeUpTo, boolean baseline, boolean adapt, Hyperparameters hyperparameters,
        String freezeUpToLayer) {

    /** A request for {@code base} ({@code ns/name[@v]}) on {@code dataset}, published into {@code target}. */
    public static Builder builder(String base, String dataset, String target) {
        return new Builder(base, dataset, target);
    }

    /** Builds a {@link FineTuneRequest}; unset options take the server's defaults. */
    public static final class Builder {

        private final String base;
        private final String dataset;
        private final String target;
        private String testDataset;
        private Strategy strategy;
        private Integer freezeUpTo;
        private String freezeUpToLayer;
        private boolean baseline;
        private boolean adapt;
        private Hyperparameters hyperparameters;

        private Builder(String base, String dataset, String target) {
            this.base = base;
            this.dataset = dataset;
            this.target = target;
        }

        /** Same labels as the dataset; the derived model and the baseline are scored on it. */
        public Builder optTestDataset(String reference) {
            this.testDataset = reference;
            return this;
        }

        public Builder optStrategy(Strategy value) {
            this.strategy = value;
            return this;
        }

        /** The last frozen layer, for {@link Strategy#FREEZE_UP_TO}. */
        public Builder optFreezeUpTo(Integer layer) {
            this.freezeUpTo = layer;
            return this;
        }

        /** The last frozen layer by name (a Keras layer name of an imported graph), for FREEZE_UP_TO. */
        public Builder optFreezeUpToLayer(String name) {
            this.freezeUpToLayer = name;
            return this;
        }

        /** Also train the same architecture from scratch and report the transfer gain. */
        public Builder optBaseline(boolean value) {
            this.baseline = value;
            return this;
        }

        /** Resize and convert the channels of image data to fit the base. */
        public Builder optAdapt(boolean value) {
            this.adapt = value;
            return this;
        }

        public Builder optHyperparameters(Hyperparameters value) {
            this.hyperparameters = value;
            return this;
        }

        public FineTuneRequest build() {
            return new FineTuneRequest(base, dataset, testDataset, target, strategy, freezeUpTo, baseline, adapt,
                    hyperparameters, freezeUpToLayer);
        }
    }
}
