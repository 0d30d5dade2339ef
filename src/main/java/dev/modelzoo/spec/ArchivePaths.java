package dev.modelzoo.spec;

import java.util.Arrays;

/**
 * Entry names of uploaded archives (model artifacts, dataset ZIPs): anything that would make a client's unzip write
 * outside its folder is refused, whichever the archive.
 */
public final class ArchivePaths {

    private ArchivePaths() {
    }

    /** Not empty, relative, no drive letter or ':', no '..' segment, no control character ('\' counts as '/'). */
    public static boolean isSafe(String name) {
        String path = name.replace('\\', '/');
        return !path.isEmpty() && !path.startsWith("/") && !path.startsWith("..") && path.indexOf(':') < 0
                && !Arrays.asList(path.split("/")).contains("..")
                && path.chars().noneMatch(Character::isISOControl);
    }
}
