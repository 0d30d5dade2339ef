package dev.modelzoo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs src/bench/python/transfer_peer.py (Debian's python3-torch, 2 threads) as a process and times it whole. */
final class Peer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Peer() {
    }

    static TransferBenchmark.Run run(String base, int n, int seed, String strategy, Path train, Path test, Path weights,
            int epochs, int batch, double learningRate) throws IOException, InterruptedException {
        String mode = switch (strategy) {
            case "HEAD_ONLY" -> "head";
            case "FULL" -> "full";
            case "BASELINE" -> "scratch";
            default -> throw new IllegalArgumentException(strategy);
        };
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/python3", "src/bench/python/transfer_peer.py",
                mode, train.toString(), test.toString(), weights.toString(), String.valueOf(epochs),
                String.valueOf(batch), String.valueOf(learningRate), String.valueOf(seed)))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OMP_NUM_THREADS", "2");
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("peer failed: " + output);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode result = JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        return new TransferBenchmark.Run(base, n, seed, strategy, "pytorch", result.path("accuracy").asDouble(),
                seconds);
    }
}
