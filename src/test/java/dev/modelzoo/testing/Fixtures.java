package dev.modelzoo.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Small dataset files written by the tests themselves. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A PNG of {@code side x side} with random gray (or colour) pixels. */
    public static byte[] png(int width, int height, boolean color, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height,
                color ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, color ? new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256))
                        .getRGB() : gray(random.nextInt(256)));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int gray(int value) {
        return new Color(value, value, value).getRGB();
    }

    /** A ZIP with the given entries (name to bytes; a name ending in '/' is a folder). */
    public static Path zip(Map<String, byte[]> entries) {
        try {
            Path file = Files.createTempFile("fixture-", ".zip");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    if (entry.getValue() != null) {
                        zip.write(entry.getValue());
                    }
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP of class folders: {@code perClass} gray {@code side x side} PNGs for each label. */
    public static Path imageFolders(int side, boolean color, int perClass, String... labels) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        long seed = 0;
        for (String label : labels) {
            for (int i = 0; i < perClass; i++) {
                entries.put(label + "/img" + i + ".png", png(side, side, color, seed++));
            }
        }
        return zip(entries);
    }

    /**
     * A learnable image dataset: {@code perClass} noisy {@code side x side} gray images per class, class 0 bright in
     * the top half, class 1 in the bottom half, class 2 in the left half.
     */
    public static Path patterns(int side, int perClass, long seed) {
        Random random = new Random(seed);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        String[] labels = {"top", "bottom", "left"};
        for (int label = 0; label < labels.length; label++) {
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        boolean lit = label == 0 ? y < side / 2 : label == 1 ? y >= side / 2 : x < side / 2;
                        int value = (lit ? 170 : 30) + random.nextInt(60);
                        image.getRaster().setSample(x, y, 0, value);
                    }
                }
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ImageIO.write(image, "png", out);
                    entries.put(labels[label] + "/" + i + ".png", out.toByteArray());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return zip(entries);
    }

    public static Path text(String suffix, String content) {
        try {
            Path file = Files.createTempFile("fixture-", suffix);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
