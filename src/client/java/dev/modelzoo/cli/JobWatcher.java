package dev.modelzoo.cli;

import dev.modelzoo.client.view.JobEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Draws a job's events on stderr: state changes and log lines as lines, epochs as a progress bar per training stage
 * with the epoch's losses and validation accuracy.
 */
final class JobWatcher implements Consumer<JobEvent> {

    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String stage;

    JobWatcher(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void accept(JobEvent event) {
        JobEvent.Data data = event.data();
        switch (event.type()) {
            case EPOCH -> epoch(data);
            case STATE -> line(data.status() + (data.message() == null ? "" : ": " + data.message()));
            case LOG -> line((data.phase() == null ? "" : data.phase().toLowerCase(Locale.ROOT) + ": ")
                    + data.message());
            case OTHER -> {
                // an event this client does not know: nothing to draw
            }
        }
    }

    private void epoch(JobEvent.Data data) {
        String current = data.stage() != null ? data.stage().name() : String.valueOf(data.phase());
        if (bar == null || !current.equals(stage)) {
            end();
            stage = current;
            bar = new ProgressBar(err, terminal, String.format(Locale.ROOT, "%-15s", current), 10);
        }
        int epochs = data.epochs() == null ? 0 : data.epochs();
        int epoch = data.epoch() == null ? 0 : data.epoch();
        bar.show(epoch, epochs, String.format(Locale.ROOT, "epoch %d/%d  loss %s  val loss %s  val acc %s", epoch,
                epochs, Formats.number(data.trainLoss()), Formats.number(data.validationLoss()),
                Formats.number(data.validationAccuracy())));
    }

    private void line(String text) {
        end();
        err.println(text);
        err.flush();
    }

    /** Ends the current bar, if any. */
    void end() {
        if (bar != null) {
            bar.finish();
            bar = null;
            stage = null;
        }
    }
}
