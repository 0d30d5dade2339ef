package dev.modelzoo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Means over seeds per (base, task, N, strategy): held-out test accuracy of DL4J and the PyTorch peer, gain over
 * the from-scratch baseline, seconds per job and the time ratio; then the transfer issue's targets, met or missed.
 */
final class Report {

    private Report() {
    }

    static void print(List<TransferBenchmark.Run> runs) {
        Map<String, List<TransferBenchmark.Run>> groups = new LinkedHashMap<>();
        for (TransferBenchmark.Run run : runs) {
            groups.computeIfAbsent(run.base() + "|" + run.task() + "|" + run.n() + "|" + run.strategy(),
                    k -> new ArrayList<>()).add(run);
        }
        System.out.println();
        System.out.println("| base | task | N/class | strategy | DL4J test acc | gain vs scratch | PyTorch test acc |"
                + " diff (points) | DL4J s/job | PyTorch s/job | DL4J/PyTorch time | AUTO chose |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<TransferBenchmark.Run>> group : groups.entrySet()) {
            String[] key = group.getKey().split("\\|");
            List<TransferBenchmark.Run> cell = group.getValue();
            double ours = mean(cell, "dl4j", true);
            double theirs = mean(cell, "pytorch", true);
            double scratch = scratch(runs, key[1], Integer.parseInt(key[2]));
            double ourTime = mean(cell, "dl4j", false);
            double theirTime = mean(cell, "pytorch", false);
            String chosen = key[3].equals("AUTO") ? String.join(" ", cell.stream().map(r -> r.chosen() == null ? ""
                    : abbreviate(r.chosen())).toList()) : "";
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.4f | %s | %s | %s | %.1f | %s | %s | %s |%n",
                    key[0], key[1], key[2], key[3], ours, key[0].equals("(scratch)") ? "-"
                            : String.format(Locale.ROOT, "%+.1f", (ours - scratch) * 100),
                    Double.isNaN(theirs) ? "-" : String.format(Locale.ROOT, "%.4f", theirs),
                    Double.isNaN(theirs) ? "-" : String.format(Locale.ROOT, "%+.1f", (ours - theirs) * 100),
                    ourTime, Double.isNaN(theirTime) ? "-" : String.format(Locale.ROOT, "%.1f", theirTime),
                    Double.isNaN(theirTime) ? "-" : String.format(Locale.ROOT, "%.2fx", ourTime / theirTime), chosen);
        }
        targets(runs, groups);
        cards(runs);
    }

    /**
     * One transfer table per base for its model card, written to {@code target/bench/<base>-transfer.md}; the card
     * section "Transfer to handwritten digits" of each entry in {@code models-manifest/entries} is this table.
     */
    private static void cards(List<TransferBenchmark.Run> runs) {
        List<String> bases = runs.stream().map(TransferBenchmark.Run::base).filter(b -> !b.equals("(scratch)"))
                .distinct().toList();
        List<String> strategies = List.of("HEAD_ONLY", "FREEZE_FEATURES", "FULL", "AUTO");
        for (String base : bases) {
            StringBuilder table = new StringBuilder();
            table.append("Held-out test accuracy on handwritten MNIST digits (200 test images per digit, never trained"
                    + " on) after fine-tuning with N images per class and default settings, mean of 3 seeds, gain"
                    + " over the same architecture trained from scratch in points (`src/scripts/bench-transfer.sh`):"
                    + "\n\n| task | N/class | from scratch | HEAD_ONLY | FREEZE_FEATURES | FULL | AUTO |\n"
                    + "|---|---|---|---|---|---|---|\n");
            runs.stream().filter(r -> r.base().equals(base)).map(r -> r.task() + "|" + r.n()).distinct()
                    .forEach(cell -> {
                        String task = cell.split("\\|")[0];
                        int n = Integer.parseInt(cell.split("\\|")[1]);
                        double scratch = scratch(runs, task, n);
                        table.append("| ").append(task).append(" | ").append(n).append(" | ")
                                .append(String.format(Locale.ROOT, "%.3f", scratch));
                        for (String strategy : strategies) {
                            double accuracy = mean(runs, r -> r.base().equals(base) && r.task().equals(task)
                                    && r.n() == n && r.strategy().equals(strategy) && r.system().equals("dl4j"));
                            table.append(" | ").append(Double.isNaN(accuracy) ? "-" : String.format(Locale.ROOT,
                                    "%.3f (%+.1f)", accuracy, (accuracy - scratch) * 100));
                        }
                        table.append(" |\n");
                    });
            try {
                Path file = Path.of("target/bench/" + base + "-transfer.md");
                Files.createDirectories(file.getParent());
                Files.writeString(file, table.toString());
                System.out.println("wrote " + file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void targets(List<TransferBenchmark.Run> runs, Map<String, List<TransferBenchmark.Run>> groups) {
        List<String> lines = new ArrayList<>();
        for (int n : new int[] {5, 10, 20}) {
            double head = mean(runs, r -> r.base().equals("letters-lenet") && r.task().equals("0-9") && r.n() == n
                    && r.strategy().equals("HEAD_ONLY") && r.system().equals("dl4j"));
            double scratch = scratch(runs, "0-9", n);
            double wanted = n == 20 ? 4 : 10;
            if (!Double.isNaN(head) && !Double.isNaN(scratch)) {
                lines.add(verdict(String.format(Locale.ROOT, "letters-lenet HEAD_ONLY on 0-9 at N=%d: %+.1f points"
                        + " over scratch (target >= +%.0f)", n, (head - scratch) * 100, wanted),
                        (head - scratch) * 100 >= wanted));
            }
            if (n == 10 && !Double.isNaN(head)) {
                lines.add(verdict(String.format(Locale.ROOT, "letters-lenet HEAD_ONLY on 0-9 at N=10: %.4f held-out"
                        + " (target >= 0.90)", head), head >= 0.90));
            }
        }
        int within = 0;
        int cells = 0;
        double worst = 0;
        String worstCell = "";
        for (Map.Entry<String, List<TransferBenchmark.Run>> group : groups.entrySet()) {
            double ours = mean(group.getValue(), "dl4j", true);
            double theirs = mean(group.getValue(), "pytorch", true);
            if (!Double.isNaN(theirs)) {
                cells++;
                double diff = Math.abs(ours - theirs) * 100;
                within += diff <= 1.5 ? 1 : 0;
                if (diff > worst) {
                    worst = diff;
                    worstCell = group.getKey().replace('|', ' ');
                }
            }
        }
        lines.add(verdict(String.format(Locale.ROOT, "DL4J within 1.5 points of PyTorch in %d of %d cells (worst"
                + " %.1f: %s)", within, cells, worst, worstCell), within == cells));
        int autoWithin = 0;
        int autoCells = 0;
        List<Double> costRatios = new ArrayList<>();
        for (Map.Entry<String, List<TransferBenchmark.Run>> group : groups.entrySet()) {
            String[] key = group.getKey().split("\\|");
            if (!key[3].equals("AUTO")) {
                continue;
            }
            String prefix = key[0] + "|" + key[1] + "|" + key[2] + "|";
            double auto = mean(group.getValue(), "dl4j", true);
            double best = Double.NEGATIVE_INFINITY;
            for (String strategy : List.of("HEAD_ONLY", "FREEZE_FEATURES", "FULL")) {
                best = Math.max(best, mean(groups.getOrDefault(prefix + strategy, List.of()), "dl4j", true));
            }
            autoCells++;
            autoWithin += (best - auto) * 100 <= 1.0 ? 1 : 0;
            for (TransferBenchmark.Run run : group.getValue()) {
                double alone = mean(runs, r -> r.base().equals(run.base()) && r.task().equals(run.task())
                        && r.n() == run.n() && r.seed() == run.seed() && r.strategy().equals(run.chosen())
                        && r.system().equals("dl4j"), false);
                if (!Double.isNaN(alone)) {
                    costRatios.add(run.seconds() / alone);
                }
            }
        }
        if (autoCells > 0) {
            lines.add(verdict(String.format(Locale.ROOT, "AUTO within 1 point of the best strategy in %d of %d"
                    + " cells", autoWithin, autoCells), autoWithin == autoCells));
            double maxRatio = costRatios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double medianRatio = costRatios.stream().sorted().skip(costRatios.size() / 2).findFirst().orElse(
                    Double.NaN);
            lines.add(verdict(String.format(Locale.ROOT, "AUTO job time / chosen strategy alone: median %.2fx, max"
                    + " %.2fx over %d jobs (target <= 1.5x)", medianRatio, maxRatio, costRatios.size()),
                    maxRatio <= 1.5));
        }
        for (String base : List.of("letters-lenet")) {
            for (String[] task : new String[][] {{"0-9", "10"}, {"5-9", "20"}}) {
                int n = Integer.parseInt(task[1]);
                double auto = mean(runs, r -> r.base().equals(base) && r.task().equals(task[0]) && r.n() == n
                        && r.strategy().equals("AUTO") && r.system().equals("dl4j"), false);
                double peerFull = mean(runs, r -> r.base().equals(base) && r.task().equals(task[0]) && r.n() == n
                        && r.strategy().equals("FULL") && r.system().equals("pytorch"), false);
                if (!Double.isNaN(auto) && !Double.isNaN(peerFull)) {
                    lines.add(verdict(String.format(Locale.ROOT, "%s AUTO on 100 images (%s, N=%d): %.1f s queue to"
                            + " published vs PyTorch FULL %.1f s (target <= 1x: %.2fx)", base, task[0], n, auto,
                            peerFull, auto / peerFull), auto <= peerFull));
                }
            }
        }
        System.out.println();
        System.out.println("## Targets");
        lines.forEach(line -> System.out.println("- " + line));
    }

    private static String verdict(String text, boolean met) {
        return text + ": " + (met ? "met" : "MISSED");
    }

    private static String abbreviate(String strategy) {
        return switch (strategy) {
            case "HEAD_ONLY" -> "H";
            case "FREEZE_FEATURES" -> "F";
            case "FULL" -> "U";
            default -> strategy;
        };
    }

    private static double scratch(List<TransferBenchmark.Run> runs, String task, int n) {
        return mean(runs, r -> r.strategy().equals("SCRATCH") && r.task().equals(task) && r.n() == n
                && r.system().equals("dl4j"));
    }

    private static double mean(List<TransferBenchmark.Run> runs, String system, boolean accuracy) {
        return mean(runs, r -> r.system().equals(system), accuracy);
    }

    private static double mean(List<TransferBenchmark.Run> runs, Predicate<TransferBenchmark.Run> filter) {
        return mean(runs, filter, true);
    }

    private static double mean(List<TransferBenchmark.Run> runs, Predicate<TransferBenchmark.Run> filter,
            boolean accuracy) {
        OptionalDouble mean = runs.stream().filter(filter)
                .mapToDouble(r -> accuracy ? r.accuracy() : r.seconds()).average();
        return mean.orElse(Double.NaN);
    }
}
