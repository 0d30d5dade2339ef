package dev.modelzoo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Means over seeds per (base, N, strategy), our/PyTorch ratios, and the targets of the fine-tune issue. */
final class Report {

    private Report() {
    }

    static void print(List<TransferBenchmark.Run> runs) {
        Map<String, List<TransferBenchmark.Run>> groups = new LinkedHashMap<>();
        for (TransferBenchmark.Run run : runs) {
            String strategy = run.strategy().startsWith("AUTO") ? "AUTO" : run.strategy();
            groups.computeIfAbsent(run.base() + "|" + run.n() + "|" + strategy, k -> new ArrayList<>()).add(run);
        }
        System.out.println();
        System.out.println("| base | N/class | strategy | DL4J test acc | PyTorch test acc | diff (points) | DL4J s/job"
                + " | PyTorch s/job | DL4J/PyTorch time |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        List<String> targets = new ArrayList<>();
        for (Map.Entry<String, List<TransferBenchmark.Run>> group : groups.entrySet()) {
            String[] key = group.getKey().split("\\|");
            double ourAcc = mean(group.getValue(), "dl4j", true);
            double ourTime = mean(group.getValue(), "dl4j", false);
            OptionalDouble peerAcc = optionalMean(group.getValue(), "pytorch", true);
            OptionalDouble peerTime = optionalMean(group.getValue(), "pytorch", false);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.4f | %s | %s | %.1f | %s | %s |%n", key[0], key[1],
                    key[2], ourAcc, peerAcc.isPresent() ? String.format(Locale.ROOT, "%.4f", peerAcc.getAsDouble())
                            : "-", peerAcc.isPresent() ? String.format(Locale.ROOT, "%+.1f",
                            (ourAcc - peerAcc.getAsDouble()) * 100) : "-", ourTime,
                    peerTime.isPresent() ? String.format(Locale.ROOT, "%.1f", peerTime.getAsDouble()) : "-",
                    peerTime.isPresent() ? String.format(Locale.ROOT, "%.2fx", ourTime / peerTime.getAsDouble())
                            : "-");
            if (peerTime.isPresent()) {
                double limit = key[2].equals("HEAD_ONLY") ? 0.5 : key[2].equals("FULL") ? 1.5 : Double.NaN;
                if (!Double.isNaN(limit)) {
                    double ratio = ourTime / peerTime.getAsDouble();
                    targets.add(String.format(Locale.ROOT, "%s N=%s %s time %.2fx PyTorch (target <= %.1fx): %s",
                            key[0], key[1], key[2], ratio, limit, ratio <= limit ? "met" : "MISSED"));
                }
                double diff = Math.abs(ourAcc - peerAcc.getAsDouble()) * 100;
                targets.add(String.format(Locale.ROOT, "%s N=%s %s accuracy differs by %.1f points (target <= 1):"
                        + " %s", key[0], key[1], key[2], diff, diff <= 1 ? "met" : "MISSED"));
            }
        }
        for (String base : groups.keySet().stream().map(k -> k.split("\\|")[0] + "|" + k.split("\\|")[1])
                .distinct().toList()) {
            List<TransferBenchmark.Run> auto = groups.getOrDefault(base + "|AUTO", List.of());
            List<TransferBenchmark.Run> head = groups.getOrDefault(base + "|HEAD_ONLY", List.of());
            List<TransferBenchmark.Run> full = groups.getOrDefault(base + "|FULL", List.of());
            if (!auto.isEmpty() && !head.isEmpty() && !full.isEmpty()) {
                double best = Math.max(mean(head, "dl4j", true), mean(full, "dl4j", true));
                double diff = (best - mean(auto, "dl4j", true)) * 100;
                targets.add(String.format(Locale.ROOT, "%s AUTO is %.1f points below the better of HEAD_ONLY and"
                        + " FULL (target <= 1): %s", base.replace('|', ' '), diff, diff <= 1 ? "met" : "MISSED"));
            }
        }
        System.out.println();
        targets.forEach(System.out::println);
    }

    private static double mean(List<TransferBenchmark.Run> runs, String system, boolean accuracy) {
        return optionalMean(runs, system, accuracy).orElse(Double.NaN);
    }

    private static OptionalDouble optionalMean(List<TransferBenchmark.Run> runs, String system, boolean accuracy) {
        return runs.stream().filter(r -> r.system().equals(system))
                .mapToDouble(r -> accuracy ? r.accuracy() : r.seconds()).average();
    }
}
