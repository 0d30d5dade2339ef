package dev.modelzoo.api;

import dev.modelzoo.error.MalformedRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.jboss.resteasy.reactive.server.multipart.FileItem;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * Reads the parts of a multipart upload. A part may arrive as a plain field or as a file (curl {@code -F x=@f});
 * both are accepted. File parts are already on disk (streamed there by the HTTP layer, never held in memory).
 */
final class MultipartParts implements AutoCloseable {

    private final MultipartFormDataInput input;
    private Path copied;

    MultipartParts(MultipartFormDataInput input) {
        this.input = input;
    }

    /** The text of a part, e.g. the JSON metadata. */
    String text(String name) {
        FormValue value = single(name);
        if (!value.isFileItem()) {
            return value.getValue();
        }
        try {
            FileItem item = value.getFileItem();
            return item.isInMemory() ? new String(item.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(item.getFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MalformedRequestException("Part '" + name + "' is not readable UTF-8 text");
        }
    }

    /** The file of a part on local disk. */
    Path file(String name) {
        FormValue value = single(name);
        try {
            if (!value.isFileItem()) {
                copied = Files.createTempFile("modelzoo-part-", ".bin");
                Files.writeString(copied, value.getValue(), StandardCharsets.ISO_8859_1);
                return copied;
            }
            FileItem item = value.getFileItem();
            if (item.isInMemory() || item.getFile() == null) {
                copied = Files.createTempFile("modelzoo-part-", ".bin");
                item.write(copied);
                return copied;
            }
            return item.getFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the upload has a part of this name. */
    boolean has(String name) {
        Collection<FormValue> values = input == null ? null : input.getValues().get(name);
        return values != null && !values.isEmpty();
    }

    private FormValue single(String name) {
        Collection<FormValue> values = input == null ? null : input.getValues().get(name);
        if (values == null || values.isEmpty()) {
            throw new MalformedRequestException("The multipart part '" + name + "' is missing");
        }
        if (values.size() > 1) {
            throw new MalformedRequestException("The multipart part '" + name + "' appears more than once");
        }
        return values.iterator().next();
    }

    @Override
    public void close() {
        if (copied != null) {
            try {
                Files.deleteIfExists(copied);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
