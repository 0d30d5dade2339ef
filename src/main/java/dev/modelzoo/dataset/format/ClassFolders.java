package dev.modelzoo.dataset.format;

import dev.modelzoo.error.SafeText;
import dev.modelzoo.spec.ArchivePaths;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP of class folders, {@code <label>/<file>} (optionally all under one top folder), as a stream so the
 * limits on expanded bytes and entries hold whatever the archive's directory claims. A file without one of the
 * format's suffixes, a file outside a label folder and an empty label folder are errors that name the entry; files
 * are decoded one at a time (never the whole archive's bytes at once).
 */
final class ClassFolders {

    /** A decoded file with the label of its folder. */
    record Labelled<T>(String label, String name, T value) {
    }

    private ClassFolders() {
    }

    /** Receives each file of a label folder. */
    @FunctionalInterface
    interface FileSink {
        void accept(String label, String name, byte[] bytes);
    }

    /**
     * Decodes every file and answers them all (for formats that must see every file before describing any).
     *
     * @param kind what the files are, for messages ("PNG or JPEG", "WAV")
     * @param decode turns an entry's name and bytes into its value, or throws a {@link DatasetFormatException}
     */
    static <T> List<Labelled<T>> read(Path file, Limits limits, Set<String> suffixes, String kind,
            BiFunction<String, byte[], T> decode) {
        List<Labelled<T>> labelled = new ArrayList<>();
        forEach(file, limits, suffixes, kind, (label, name, bytes) -> labelled.add(new Labelled<>(label, name,
                decode.apply(name, bytes))));
        return labelled;
    }

    /**
     * Hands every file to {@code sink} one at a time, in archive order, so that only one file's bytes are held.
     * The archive is read twice: first its structure (names only, every rule above checked), then its files.
     */
    static void forEach(Path file, Limits limits, Set<String> suffixes, String kind, FileSink sink) {
        List<String> files = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        walk(file, limits, folders, (name, bytes) -> files.add(name));
        String prefix = layout(files, folders, suffixes, kind);
        walk(file, limits, new HashSet<>(), (name, bytes) -> {
            String relative = name.substring(prefix.length());
            sink.accept(relative.substring(0, relative.indexOf('/')), name, bytes);
        });
    }

    private static void walk(Path file, Limits limits, Set<String> folders,
            BiConsumer<String, byte[]> files) {
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new DatasetFormatException(null, "the archive has more than " + limits.maxEntries()
                            + " entries");
                }
                String name = safeName(entry.getName());
                if (ignored(name)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    folders.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                    continue;
                }
                byte[] bytes = readBounded(zip, limits.maxUncompressedBytes() - expanded, name);
                expanded += bytes.length;
                files.accept(name, bytes);
            }
        } catch (ZipException e) {
            throw new DatasetFormatException(null, "not a readable ZIP archive (" + SafeText.of(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new DatasetFormatException(null, "the archive cannot be read (" + SafeText.of(e.getMessage()) + ")");
        }
        if (entries == 0) {
            throw new DatasetFormatException(null, "not a ZIP archive, or an empty one");
        }
    }

    /** Checks the folder structure and answers the top folder to drop ("" when none). */
    private static String layout(List<String> files, Set<String> folders, Set<String> suffixes, String kind) {
        String prefix = commonTopFolder(files);
        Set<String> labels = new HashSet<>();
        for (String name : files) {
            String relative = name.substring(prefix.length());
            int slash = relative.indexOf('/');
            if (slash <= 0 || relative.indexOf('/', slash + 1) >= 0) {
                throw new DatasetFormatException(name, "expected <label>/<" + kind + " file>: files sit in"
                        + " one folder per label");
            }
            if (!hasSuffix(name, suffixes)) {
                throw new DatasetFormatException(name, "not a " + kind + " file");
            }
            labels.add(relative.substring(0, slash));
        }
        for (String folder : folders) {
            if (folder.startsWith(prefix) && !folder.equals(prefix.replaceAll("/$", ""))) {
                String label = folder.substring(prefix.length());
                if (!label.contains("/") && !labels.contains(label)) {
                    throw new DatasetFormatException(folder + "/", "the label folder '" + label + "' is empty");
                }
            }
        }
        if (files.isEmpty()) {
            throw new DatasetFormatException(null, "the archive holds no " + kind + " files");
        }
        return prefix;
    }

    private static boolean hasSuffix(String name, Set<String> suffixes) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && suffixes.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }

    /** When every file sits below one folder that is not itself a label folder, that folder is dropped. */
    private static String commonTopFolder(List<String> files) {
        if (files.isEmpty()) {
            return "";
        }
        String candidate = null;
        for (String file : files) {
            String[] parts = file.split("/");
            if (parts.length != 3) {
                return "";
            }
            if (candidate == null) {
                candidate = parts[0];
            } else if (!candidate.equals(parts[0])) {
                return "";
            }
        }
        return candidate + "/";
    }

    private static String safeName(String raw) {
        if (!ArchivePaths.isSafe(raw)) {
            throw new DatasetFormatException(raw, "unsafe path in archive (absolute or containing '..')");
        }
        return raw.replace('\\', '/');
    }

    private static boolean ignored(String name) {
        return name.startsWith("__MACOSX/") || name.contains("/.") || name.startsWith(".");
    }

    private static byte[] readBounded(InputStream in, long remaining, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > remaining) {
                throw new DatasetFormatException(name, "the archive expands beyond the limit of expanded bytes"
                        + " (modelzoo.dataset.max-expanded-size)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
