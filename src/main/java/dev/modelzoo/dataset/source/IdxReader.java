package dev.modelzoo.dataset.source;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads IDX files (the MNIST / Fashion-MNIST format), gzipped or not. */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** Images as rows of {@code rows*columns} values scaled to [0, 1]. */
    public static float[][] images(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dimensions = header(in, 3, file);
            int count = dimensions[0];
            int pixels = dimensions[1] * dimensions[2];
            float[][] images = new float[count][pixels];
            byte[] row = new byte[pixels];
            for (int i = 0; i < count; i++) {
                in.readFully(row);
                for (int p = 0; p < pixels; p++) {
                    images[i][p] = (row[p] & 0xFF) / 255f;
                }
            }
            return images;
        }
    }

    /** The height and width of the images in an IDX image file. */
    public static int[] imageSize(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dimensions = header(in, 3, file);
            return new int[] {dimensions[1], dimensions[2]};
        }
    }

    /** Labels as integers. */
    public static int[] labels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int count = header(in, 1, file)[0];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedByte();
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw), 1 << 16) : raw);
    }

    private static int[] header(DataInputStream in, int rank, Path file) throws IOException {
        int magic = in.readInt();
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE || (magic & 0xFF) != rank) {
            throw new IOException(file.getFileName() + " is not an IDX file of rank " + rank + " with unsigned"
                    + " bytes (magic " + Integer.toHexString(magic) + ")");
        }
        int[] dimensions = new int[rank];
        for (int i = 0; i < rank; i++) {
            dimensions[i] = in.readInt();
            if (dimensions[i] < 0) {
                throw new IOException(file.getFileName() + " declares a negative dimension");
            }
        }
        return dimensions;
    }
}
