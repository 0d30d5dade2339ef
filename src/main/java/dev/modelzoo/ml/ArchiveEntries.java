package dev.modelzoo.ml;

import dev.modelzoo.spec.ArchivePaths;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The checks every uploaded model zip passes before anything is read from it: safe entry names (a client that
 * unzips the published file must not write outside its folder) and a bound on the sizes its directory declares.
 */
public final class ArchiveEntries {

    private ArchiveEntries() {
    }

    /** @param kind the archive as the uploader knows it, e.g. "The archive" or "The TF.js archive" */
    public static void check(ZipFile zip, long maxUncompressedBytes, String kind) {
        long total = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (!ArchivePaths.isSafe(entry.getName())) {
                throw new ArtifactException(kind + " has an unsafe entry name (absolute, with '..' or a control"
                        + " character); a model archive has plain names only");
            }
            total += Math.max(0, entry.getSize());
            if (total > maxUncompressedBytes) {
                throw new ArtifactException(kind + " expands to more than " + maxUncompressedBytes + " bytes");
            }
        }
    }
}
