package dev.modelzoo.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams an artifact into a file: the bytes go to {@code <file>.part} while their sha256 is computed; an existing
 * part is resumed with a Range request (safe: a published version's bytes never change); the part becomes the
 * file only when its digest is the published one. A resumed download that fails the check is discarded and
 * fetched once more from the start.
 */
final class ArtifactDownloader {

    private static final int BUFFER = 64 * 1024;

    private final Transport transport;

    ArtifactDownloader(Transport transport) {
        this.transport = transport;
    }

    Download download(String reference, String path, String expectedSha256, long expectedSize, Path target,
            ProgressListener progress) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            long resumedFrom = Files.isRegularFile(part) ? Files.size(part) : 0;
            if (resumedFrom >= expectedSize) {
                // a part as long as the whole (or longer) cannot be resumed; start again
                Files.deleteIfExists(part);
                resumedFrom = 0;
            }
            String actual = fetch(path, part, resumedFrom, expectedSize, progress);
            if (!actual.equals(expectedSha256) && resumedFrom > 0) {
                Files.deleteIfExists(part);
                resumedFrom = 0;
                actual = fetch(path, part, 0, expectedSize, progress);
            }
            if (!actual.equals(expectedSha256)) {
                Files.deleteIfExists(part);
                throw new IntegrityException(reference, expectedSha256, actual);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Download(reference, target, actual, Files.size(target), resumedFrom);
        } catch (IOException e) {
            throw new ClientException("download of " + reference + " into " + target + " failed: " + e.getMessage()
                    + " (run it again to resume)", e);
        }
    }

    /** Appends the missing bytes to {@code part} and returns the sha256 of the whole part. */
    private String fetch(String path, Path part, long offset, long total, ProgressListener progress)
            throws IOException {
        MessageDigest digest = sha256();
        if (offset > 0) {
            try (InputStream existing = Files.newInputStream(part)) {
                copy(existing, null, digest, 0, total, ProgressListener.NONE);
            }
        }
        HttpRequest.Builder request = transport.request(path).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> response = transport.send(request.build());
        boolean partial = response.statusCode() == 206;
        if (!partial && response.statusCode() != 200) {
            response.body().close();
            throw new ClientException("unexpected answer " + response.statusCode() + " to the download of " + path);
        }
        if (!partial && offset > 0) {
            // the server sent the whole artifact after all: start the digest and the file again
            digest = sha256();
            offset = 0;
        }
        try (InputStream body = response.body();
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        partial ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            copy(body, out, digest, offset, total, progress);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void copy(InputStream in, OutputStream out, MessageDigest digest, long done, long total,
            ProgressListener progress) throws IOException {
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            if (out != null) {
                out.write(buffer, 0, n);
            }
            done += n;
            progress.progress(done, total);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The sha256 of a file, in lowercase hex. */
    static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            copy(in, null, digest, 0, -1, ProgressListener.NONE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
