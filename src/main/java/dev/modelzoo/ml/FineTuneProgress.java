package dev.modelzoo.ml;

/** Receives per-epoch metrics of a fine-tune and is asked before every minibatch whether to stop. */
public interface FineTuneProgress {

    void onEpoch(String phase, EpochMetrics metrics);

    boolean cancelled();

    /** Reports nothing and never cancels. */
    FineTuneProgress SILENT = new FineTuneProgress() {
        @Override
        public void onEpoch(String phase, EpochMetrics metrics) {
            // nothing to report
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
