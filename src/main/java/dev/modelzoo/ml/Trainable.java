package dev.modelzoo.ml;

/**
 * What a training stage trains: one optimiser update on some training examples, the validation figures, and
 * snapshots of the parameters for restoring the best epoch. Implemented over a DL4J network and, for the head
 * stage, by {@link LinearHead}.
 */
interface Trainable {

    /** One update on the training examples at {@code indices}; returns the minibatch loss. */
    double update(int[] indices);

    EvaluationResult validate();

    /** A copy of the current parameters. */
    Object snapshot();

    void restore(Object snapshot);

    /** A DL4J network trained on {@code train}, validated on {@code validation}. */
    static Trainable of(LoadedNetwork network, LabeledData train, LabeledData validation) {
        return new Trainable() {
            @Override
            public double update(int[] indices) {
                return network.fit(train.batch(indices));
            }

            @Override
            public EvaluationResult validate() {
                return Evaluator.evaluate(network, validation);
            }

            @Override
            public Object snapshot() {
                return network.parameters();
            }

            @Override
            public void restore(Object snapshot) {
                network.setParameters((org.nd4j.linalg.api.ndarray.INDArray) snapshot);
            }
        };
    }
}
