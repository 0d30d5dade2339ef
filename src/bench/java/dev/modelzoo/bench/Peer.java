package dev.modelzoo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs src/bench/python/transfer_peer.py (Debian's python3-torch) as a process with the job's recipe and times it
 * whole, from process start to its result (the job is timed from queue to published).
 */
final class Peer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Peer() {
    }

    /** Test accuracy and seconds of the peer for one strategy (HEAD_ONLY, FREEZE_FEATURES, FULL or SCRATCH). */
    static double[] run(String strategy, Path data, Path weights, int classes, int batch, double learningRate,
            int seed, String threads) throws IOException, InterruptedException {
        String mode = switch (strategy) {
            case "HEAD_ONLY" -> "head";
            case "FREEZE_FEATURES" -> "freeze";
            case "FULL" -> "full";
            case "SCRATCH" -> "scratch";
            default -> throw new IllegalArgumentException(strategy);
        };
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/python3", "src/bench/python/transfer_peer.py",
                mode, data.toString(), weights.toString(), String.valueOf(classes), String.valueOf(batch),
                String.valueOf(learningRate), String.valueOf(seed), threads))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OMP_NUM_THREADS", threads);
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("peer failed: " + output);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode result = JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
        return new double[] {result.path("accuracy").asDouble(), seconds};
    }
}
