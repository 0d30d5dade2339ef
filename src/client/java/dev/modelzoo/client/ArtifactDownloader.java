package dev.modelzoo.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Streams an artifact into a file: the bytes go to {@code <file>.part} while their sha256 is computed; an existing
 * part is resumed with a Range request (safe: a published version's bytes never change); the part becomes the
 * file only when its digest is the published one. A resumed download that fails the check is discarded and
 * fetched once more from the start. The part is locked while it is written, so two downloads of one file do not
 * interleave, and a transfer that delivers nothing for the idle limit is cut (run it again to resume).
 */
final class ArtifactDownloader {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Transport transport;
    private final Duration idleLimit;

    ArtifactDownloader(Transport transport, Duration idleLimit) {
        this.transport = transport;
        this.idleLimit = idleLimit;
    }

    /** What one attempt wrote: the digest of the whole part and the byte it really started from. */
    private record Fetched(String sha256, long startedAt) {
    }

    Download download(String reference, String path, String expectedSha256, long expectedSize, Path target,
            ProgressListener progress) {
        if (expectedSha256 == null || !SHA256.matcher(expectedSha256).matches()) {
            throw new ClientException("the server published no valid sha256 for " + reference + ": "
                    + expectedSha256);
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = lock(channel, target)) {
                Fetched fetched = fetch(path, channel, expectedSize, progress);
                if (!fetched.sha256().equals(expectedSha256) && fetched.startedAt() > 0) {
                    channel.truncate(0);
                    fetched = fetch(path, channel, expectedSize, progress);
                }
                if (!fetched.sha256().equals(expectedSha256)) {
                    Files.deleteIfExists(part);
                    throw new IntegrityException(reference, expectedSha256, fetched.sha256());
                }
                // moved while still locked: a second download of the same file finds no part to append to
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Download(reference, target, fetched.sha256(), Files.size(target), fetched.startedAt());
            }
        } catch (IOException e) {
            throw new ClientException("download of " + reference + " into " + target + " failed: " + e.getMessage()
                    + " (run it again to resume)", e);
        }
    }

    private static FileLock lock(FileChannel channel, Path target) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock == null) {
            throw new ClientException("another download into " + target + " is in progress");
        }
        return lock;
    }

    /** Appends what the part lacks (or rewrites it when the server sends the whole) and hashes the whole part. */
    private Fetched fetch(String path, FileChannel part, long total, ProgressListener progress) throws IOException {
        long offset = part.size();
        if (offset >= total) {
            // as long as the whole (or longer) and still a part: it failed a check before; start again
            part.truncate(0);
            offset = 0;
        }
        HttpRequest.Builder request = transport.request(path).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = transport.send(request.build());
        } catch (ProblemException e) {
            if (e.status() != 416 || offset == 0) {
                throw e;
            }
            part.truncate(0);
            return fetch(path, part, total, progress);
        }
        if (response.statusCode() == 206 && offset > 0 && !response.headers().firstValue("Content-Range")
                .orElse("").startsWith("bytes " + offset + "-")) {
            // a range that is not the one asked for: fetch the whole artifact instead
            response.body().close();
            part.truncate(0);
            return fetch(path, part, total, progress);
        }
        if (response.statusCode() != 206 || offset == 0) {
            // the whole artifact (a server may ignore Range): the part starts again
            part.truncate(0);
            offset = 0;
        }
        MessageDigest digest = sha256();
        hashPrefix(part, offset, digest);
        part.position(offset);
        try (InputStream body = response.body(); IdleGuard guard = IdleGuard.watch(body, idleLimit)) {
            byte[] buffer = new byte[BUFFER];
            long done = offset;
            int n;
            try {
                while ((n = body.read(buffer)) > 0) {
                    guard.touch();
                    digest.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        part.write(chunk);
                    }
                    done += n;
                    progress.progress(done, total);
                }
            } catch (IOException e) {
                if (guard.fired()) {
                    throw new IOException("no data for " + idleLimit.toSeconds() + " s", e);
                }
                throw e;
            }
        }
        part.force(false);
        return new Fetched(HexFormat.of().formatHex(digest.digest()), offset);
    }

    private static void hashPrefix(FileChannel part, long length, MessageDigest digest) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        long position = 0;
        while (position < length) {
            buffer.clear().limit((int) Math.min(BUFFER, length - position));
            int n = part.read(buffer, position);
            if (n < 0) {
                throw new IOException("the part file shrank while it was read");
            }
            buffer.flip();
            digest.update(buffer);
            position += n;
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
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
