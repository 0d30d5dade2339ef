package dev.modelzoo.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tokens {@code mz login} stored, one per server URL, in {@code <config dir>/credentials.json}: the directory
 * is readable only by the user (700) and the file too (600), written atomically.
 */
final class Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    Credentials(Path configDir) {
        this.file = configDir.resolve("credentials.json");
    }

    Path file() {
        return file;
    }

    String token(String url) {
        return read().get(key(url));
    }

    void store(String url, String token) {
        Map<String, String> tokens = read();
        tokens.put(key(url), token);
        write(tokens);
    }

    /** Forgets the token of {@code url}; answers whether there was one. */
    boolean remove(String url) {
        Map<String, String> tokens = read();
        boolean removed = tokens.remove(key(url)) != null;
        if (removed) {
            write(tokens);
        }
        return removed;
    }

    private Map<String, String> read() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (remove it and log in again)", e);
        }
    }

    private void write(Map<String, String> tokens) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path temporary = Files.createTempFile(dir, "credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tokens));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** http://host:8080/ and http://host:8080 are one server. */
    private static String key(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
