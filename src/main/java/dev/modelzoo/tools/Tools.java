package dev.modelzoo.tools;

import dev.modelzoo.catalog.manifest.Manifest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Offline commands run from the application jar instead of the server:
 * {@code java -jar target/quarkus-app/quarkus-run.jar <command> [--key value]...}.
 */
public final class Tools {

    private Tools() {
    }

    /** Runs the command named by {@code args[0]} and returns its exit code, or empty when it is not a command. */
    public static Optional<Integer> run(String... args) throws Exception {
        if (args.length == 0) {
            return Optional.empty();
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        Path dataDir = Path.of(options.getOrDefault("data-dir", System.getenv().getOrDefault("MODELZOO_DATA_DIR",
                "data")));
        return switch (args[0]) {
            case "pretrain" -> Optional.of(new Pretrain(dataDir.resolve("datasets"),
                    Path.of(options.getOrDefault("manifest-dir", "models-manifest")))
                    .run(options.getOrDefault("model", "all"), options));
            case "samples" -> Optional.of(new Samples(dataDir.resolve("datasets"), dataDir.resolve("samples")).run());
            case "cards" -> Optional.of(new ManifestCards(new Manifest(
                    Path.of(options.getOrDefault("manifest-dir", "models-manifest")))).run());
            default -> Optional.empty();
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                options.put("model", args[i]);
            }
        }
        return options;
    }
}
