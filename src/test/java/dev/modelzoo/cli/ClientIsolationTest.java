package dev.modelzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The client and {@code mz} (src/client/java) are plain Java 17 with Jackson and picocli: no Quarkus, no DL4J, no
 * server class, so their jar runs with target/client-lib alone ({@code MzScriptIT} runs it that way).
 */
class ClientIsolationTest {

    private static final List<String> ALLOWED = List.of("java.", "com.fasterxml.jackson.", "picocli.",
            "dev.modelzoo.client.", "dev.modelzoo.cli.");
    /** Fully qualified uses in code, which an import check alone would miss. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:(?:io\\.quarkus|jakarta|org\\.deeplearning4j"
            + "|org\\.nd4j|io\\.minio|org\\.jboss|io\\.vertx)\\.|dev\\.modelzoo\\.(?!client\\b|cli\\b))");

    @Test
    void clientSourcesImportOnlyJavaJacksonAndPicocli() throws Exception {
        List<String> offending = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/client/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                for (String line : Files.readAllLines(source)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("import ")) {
                        String imported = trimmed.replaceFirst("^import (static )?", "");
                        if (ALLOWED.stream().noneMatch(imported::startsWith)) {
                            offending.add(source.getFileName() + ": " + trimmed);
                        }
                    } else {
                        Matcher qualified = QUALIFIED.matcher(trimmed);
                        if (qualified.find()) {
                            offending.add(source.getFileName() + ": " + trimmed);
                        }
                    }
                }
            }
        }
        assertThat(files).as("client sources found").isGreaterThan(30);
        assertThat(offending).isEmpty();
    }
}
