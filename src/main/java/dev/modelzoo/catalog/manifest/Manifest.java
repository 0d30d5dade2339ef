package dev.modelzoo.catalog.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Reads and writes the entries of a models-manifest directory ({@code entries/*.json}, {@code artifacts/}). */
public final class Manifest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;

    public Manifest(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Every entry, ordered by file name. */
    public List<ManifestEntry> entries() throws IOException {
        Path entries = directory.resolve("entries");
        if (!Files.isDirectory(entries)) {
            return List.of();
        }
        List<ManifestEntry> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(entries)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    result.add(JSON.readValue(file.toFile(), ManifestEntry.class));
                } catch (IOException e) {
                    throw new IOException(file.getFileName() + " is not a valid manifest entry: " + e.getMessage(), e);
                }
            }
        }
        return result;
    }

    /** Writes {@code entry} as {@code entries/<name>-<version>.json}. */
    public Path write(ManifestEntry entry) throws IOException {
        Path file = directory.resolve("entries").resolve(fileStem(entry.reference()) + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(entry) + "\n");
        return file;
    }

    /** The artifact file of {@code entry}. */
    public Path artifact(ManifestEntry entry) {
        return directory.resolve(entry.artifact().file()).normalize();
    }

    /** {@code zoo/fashion-lenet@1} becomes {@code fashion-lenet-1}. */
    public static String fileStem(String reference) {
        String nameAndVersion = reference.substring(reference.indexOf('/') + 1);
        return nameAndVersion.replace('@', '-');
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
