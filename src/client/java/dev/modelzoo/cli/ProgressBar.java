package dev.modelzoo.cli;

import dev.modelzoo.client.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on stderr (stdout stays clean for pipes). On a terminal it redraws one line; elsewhere (a log, a
 * test) it writes a line at each of its {@code steps} (a quarter of a transfer, a tenth of a training stage), so
 * nothing floods.
 */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private static final long MIN_REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final int steps;
    private long lastDraw;
    private int lastStep = -1;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal, String label, int steps) {
        this.err = err;
        this.terminal = terminal;
        this.label = label;
        this.steps = steps;
    }

    @Override
    public void progress(long done, long total) {
        show(done, total, bytes(done) + (total > 0 ? " / " + bytes(total) : ""));
    }

    /** Shows {@code done} of {@code total} with a free text after the bar. */
    void show(long done, long total, String text) {
        double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        if (terminal) {
            long now = System.nanoTime();
            if (done < total && now - lastDraw < MIN_REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            err.print("\r" + line(fraction, text) + "\u001b[K");
            drawn = true;
        } else {
            int step = (int) Math.floor(fraction * steps);
            if (step == lastStep) {
                return;
            }
            lastStep = step;
            err.println(line(fraction, text));
        }
        err.flush();
    }

    /** Ends the bar's line (on a terminal); the next output starts on a fresh line. */
    void finish() {
        if (terminal && drawn) {
            err.println();
            err.flush();
        }
        drawn = false;
        lastStep = -1;
    }

    private String line(double fraction, String text) {
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
                Math.round(fraction * 100), text);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
}
