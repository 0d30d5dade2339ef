package dev.modelzoo.cli;

import dev.modelzoo.client.view.Evaluation;
import dev.modelzoo.client.view.Metric;
import java.util.List;
import java.util.Locale;

/** How numbers and small structures read on a terminal. */
final class Formats {

    private Formats() {
    }

    static String accuracy(Evaluation evaluation) {
        if (evaluation == null) {
            return "-";
        }
        String interval = evaluation.interval() == null ? ""
                : String.format(Locale.ROOT, " (95%% interval %.4f-%.4f)", evaluation.interval().low(),
                        evaluation.interval().high());
        return String.format(Locale.ROOT, "%.4f%s on %d %s examples", evaluation.accuracy(), interval,
                evaluation.count(), evaluation.split());
    }

    static String metric(Metric metric) {
        String interval = metric.interval() == null || metric.interval().size() != 2 ? ""
                : String.format(Locale.ROOT, " [%.4f, %.4f]", metric.interval().get(0), metric.interval().get(1));
        return String.format(Locale.ROOT, "%s %.4f%s%s%s", metric.name(), metric.value(), interval,
                metric.split() == null ? "" : " on " + metric.split(),
                metric.count() == null ? "" : " (" + metric.count() + " examples)");
    }

    /** The first accuracy of a version's metrics, for one-line summaries; empty when there is none. */
    static String headline(List<Metric> metrics) {
        if (metrics == null) {
            return "";
        }
        return metrics.stream().filter(m -> m.name().equals("accuracy")).findFirst()
                .map(m -> String.format(Locale.ROOT, "accuracy %.4f%s", m.value(),
                        m.split() == null ? "" : " " + m.split()))
                .orElse("");
    }

    static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    static String points(double gain) {
        return String.format(Locale.ROOT, "%+.1f points", gain * 100);
    }
}
