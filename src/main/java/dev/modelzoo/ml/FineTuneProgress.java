package dev.modelzoo.ml;

/** Receives per-epoch metrics of a fine-tune's stages and is asked before every minibatch whether to stop. */
public interface FineTuneProgress {

    /** @param stage the label the caller gave the stage */
    void onEpoch(String stage, EpochMetrics metrics);

    boolean cancelled();

    /** Reports nothing and never cancels. */
    FineTuneProgress SILENT = new FineTuneProgress() {
        @Override
        public void onEpoch(String stage, EpochMetrics metrics) {
            // nothing to report
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
