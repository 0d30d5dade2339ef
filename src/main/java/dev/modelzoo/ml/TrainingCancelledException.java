package dev.modelzoo.ml;

/** Training stopped at a minibatch boundary because its listener asked it to. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException() {
        super("Training was cancelled");
    }
}
