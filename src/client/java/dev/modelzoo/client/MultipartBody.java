package dev.modelzoo.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A multipart/form-data body of text parts and files, with its exact length (so uploads are not chunked) and the
 * progress of the file bytes reported as they are read.
 */
final class MultipartBody {

    private final String boundary = "modelzoo-" + UUID.randomUUID();
    private final List<Part> parts = new ArrayList<>();

    /** One part: a name, a file name for files, a content type, and its bytes or the file to stream. */
    private record Part(String name, String filename, String contentType, byte[] bytes, Path file) {
        long length() throws IOException {
            return bytes != null ? bytes.length : Files.size(file);
        }
    }

    MultipartBody text(String name, String contentType, String value) {
        parts.add(new Part(name, null, contentType, value.getBytes(StandardCharsets.UTF_8), null));
        return this;
    }

    MultipartBody file(String name, Path file, String contentType) {
        if (!Files.isRegularFile(file)) {
            throw new ClientException("no such file: " + file);
        }
        parts.add(new Part(name, file.getFileName().toString(), contentType, null, file));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher(ProgressListener progress) {
        try {
            List<HttpRequest.BodyPublisher> pieces = new ArrayList<>();
            long fileBytes = 0;
            for (Part part : parts) {
                fileBytes += part.file != null ? part.length() : 0;
            }
            long totalFileBytes = fileBytes;
            long[] sent = {0};
            for (Part part : parts) {
                pieces.add(HttpRequest.BodyPublishers.ofByteArray(header(part)));
                if (part.bytes != null) {
                    pieces.add(HttpRequest.BodyPublishers.ofByteArray(part.bytes));
                } else {
                    long length = part.length();
                    pieces.add(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> counting(part.file, sent, totalFileBytes, progress)), length));
                }
                pieces.add(HttpRequest.BodyPublishers.ofByteArray("\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
            pieces.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            return HttpRequest.BodyPublishers.concat(pieces.toArray(HttpRequest.BodyPublisher[]::new));
        } catch (IOException e) {
            throw new ClientException("cannot read the file to upload: " + e.getMessage(), e);
        }
    }

    private byte[] header(Part part) {
        String disposition = "form-data; name=\"" + part.name + "\""
                + (part.filename == null ? "" : "; filename=\"" + quoted(part.filename) + "\"");
        return ("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + part.contentType
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Quotes and CR/LF would end the header early; a file name keeps its other characters. */
    private static String quoted(String filename) {
        return filename.replace("\\", "_").replace("\"", "_").replace("\r", "_").replace("\n", "_");
    }

    private static InputStream counting(Path file, long[] sent, long total, ProgressListener progress) {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        advance(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        advance(n);
                    }
                    return n;
                }

                private void advance(long n) {
                    sent[0] += n;
                    progress.progress(sent[0], total);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content type of an upload, from its name. */
    static String contentTypeOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return "application/zip";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return "application/x-ndjson";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
