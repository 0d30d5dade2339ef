package dev.modelzoo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.testing.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The README's promise: after {@code ./mvnw package}, {@code src/scripts/mz search lenet} works against the
 * embedded server. Runs the real script (the client jar and target/client-lib only, nothing of the server) against
 * the packaged application with its zoo: search, info, pull, dataset push, check (exit 1 on a modality mismatch) and
 * a watched fine-tune of zoo/letters-lenet.
 */
class MzScriptIT {

    private static final String ADMIN = "mzt_mz-script-admin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
    }

    @Test
    void theScriptDrivesTheEmbeddedServer() throws Exception {
        assertClientJarHoldsOnlyTheClient();
        Path root = Files.createTempDirectory("modelzoo-mz-it-");
        int port = ItApi.freePort();
        try (AppProcess app = AppProcess.start("it-mz", port, Map.of("MODELZOO_DATA_DIR", root.resolve("data")
                .toString(), "MODELZOO_ADMIN_TOKEN", ADMIN))) {
            app.awaitReady(Duration.ofMinutes(3));
            Map<String, String> env = Map.of("MODELZOO_URL", app.baseUri(), "MODELZOO_TOKEN", ADMIN,
                    "MODELZOO_CONFIG_DIR", root.resolve("config").toString(),
                    "MODELZOO_CACHE_DIR", root.resolve("cache").toString());

            Run search = mz(root, env, "search", "lenet");
            assertThat(search.exit()).as(search.err()).isZero();
            assertThat(search.out()).contains("zoo/letters-lenet@1").contains("zoo/fashion-lenet@1")
                    .contains("IMAGE");

            JsonNode info = JSON.readTree(mz(root, env, "info", "zoo/letters-lenet", "--json").out());
            Path pulled = root.resolve("letters.zip");
            Run pull = mz(root, env, "pull", "zoo/letters-lenet@1", "-o", pulled.toString());
            assertThat(pull.exit()).as(pull.err()).isZero();
            assertThat(sha256(pulled)).isEqualTo(info.get("sha256").asText());

            Path words = Fixtures.text(".jsonl", IntStream.range(0, 12).mapToObj(i -> "{\"text\": \"line " + i
                    + "\", \"label\": \"" + (i % 2 == 0 ? "even" : "odd") + "\"}").collect(Collectors.joining("\n")));
            assertThat(mz(root, env, "dataset", "push", "zoo/words", words.toString(), "--modality", "TEXT").exit())
                    .isZero();
            Run mismatch = mz(root, env, "check", "--base", "zoo/letters-lenet", "--dataset", "zoo/words");
            assertThat(mismatch.exit()).isEqualTo(1);
            assertThat(mismatch.out()).contains("incompatible").contains("ERROR modality")
                    .contains("zoo/fortunes-text@1");

            Path images = Fixtures.imageFolders(28, false, 6, "x", "y");
            assertThat(mz(root, env, "dataset", "push", "zoo/marks", images.toString(), "--modality", "IMAGE").exit())
                    .isZero();
            Run watched = mz(root, env, "finetune", "--base", "zoo/letters-lenet@1", "--dataset", "zoo/marks",
                    "--target", "zoo/marks-lenet", "--strategy", "HEAD_ONLY", "--epochs", "3", "--watch");
            assertThat(watched.exit()).as(watched.err()).isZero();
            assertThat(watched.err()).contains("HEAD_ONLY").contains("epoch 3/3");
            assertThat(watched.out()).contains("SUCCEEDED").contains("zoo/marks-lenet@1");
            assertThat(mz(root, env, "lineage", "zoo/marks-lenet").out()).contains("zoo/letters-lenet@1")
                    .contains("└── zoo/marks-lenet@1");
        }
    }

    /** The client jar holds the client and mz only; client-lib holds Jackson and picocli only. */
    private static void assertClientJarHoldsOnlyTheClient() throws Exception {
        File[] jars = new File("target").listFiles((dir, name) -> name.matches("modelzoo-.*-client\\.jar"));
        assertThat(jars).hasSize(1);
        List<String> foreign = new ArrayList<>();
        try (JarFile jar = new JarFile(jars[0])) {
            for (Enumeration<? extends ZipEntry> entries = jar.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith("dev/modelzoo/client/")
                        && !name.startsWith("dev/modelzoo/cli/")) {
                    foreign.add(name);
                }
            }
        }
        assertThat(foreign).isEmpty();
        try (Stream<Path> libs = Files.list(Path.of("target/client-lib"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("jackson-databind.jar",
                    "jackson-core.jar", "jackson-annotations.jar", "jackson-datatype-jsr310.jar", "picocli.jar");
        }
    }

    private static Run mz(Path root, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("src/scripts/mz").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(root, "mz-out", ".txt");
        Path err = Files.createTempFile(root, "mz-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mz " + String.join(" ", args) + " did not end within 3 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
