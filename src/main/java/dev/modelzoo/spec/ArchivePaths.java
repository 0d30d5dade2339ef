package dev.modelzoo.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry names of uploaded archives (model artifacts, dataset ZIPs): anything that would make a client's unzip write
 * outside its folder is refused, whichever the archive.
 */
public final class ArchivePaths {

    private ArchivePaths() {
    }

    /** Whether the file starts with a ZIP signature (a local file header, or the end record of an empty zip). */
    public static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)
                    && (head[3] == 4 || head[3] == 6);
        } catch (IOException e) {
            return false;
        }
    }

    /** Not empty, relative, no drive letter or ':', no '..' segment, no control character ('\' counts as '/'). */
    public static boolean isSafe(String name) {
        String path = name.replace('\\', '/');
        return !path.isEmpty() && !path.startsWith("/") && !path.startsWith("..") && path.indexOf(':') < 0
                && !Arrays.asList(path.split("/")).contains("..")
                && path.chars().noneMatch(Character::isISOControl);
    }
}
