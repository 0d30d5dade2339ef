package dev.modelzoo.dataset.format;

import dev.modelzoo.error.SafeText;
import dev.modelzoo.spec.ArchivePaths;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;

/**
 * A ZIP of class folders of PNG/JPEG images: {@code <label>/<any>.png}, optionally all under one top folder.
 * Images must share one size; the channel count is 1 when every image is gray (by colour model or because R = G = B
 * everywhere), else 3 (RGB; alpha is dropped). Values are scaled to [0, 1]. The archive is read as a stream so the
 * limits on expanded bytes and entries hold whatever the archive's directory claims.
 */
public final class ImageFolderZip implements DatasetFormat {

    public static final String ID = "image-folders-zip";
    private static final Set<String> IMAGE_SUFFIXES = Set.of(".png", ".jpg", ".jpeg");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Integer> read(Path file, Limits limits, Consumer<Example> sink) {
        List<Decoded> images = new ArrayList<>();
        Set<String> folders = new HashSet<>();
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
                // decode right away: only the (smaller) decoded image is kept, never the archive's bytes
                images.add(new Decoded(name, isImageName(name) ? image(name, bytes) : null));
            }
        } catch (ZipException e) {
            throw new DatasetFormatException(null, "not a readable ZIP archive (" + SafeText.of(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new DatasetFormatException(null, "the archive cannot be read (" + SafeText.of(e.getMessage()) + ")");
        }
        if (entries == 0) {
            throw new DatasetFormatException(null, "not a ZIP archive, or an empty one");
        }
        return decode(images, folders, sink);
    }

    private List<Integer> decode(List<Decoded> files, Set<String> folders, Consumer<Example> sink) {
        String prefix = commonTopFolder(files);
        Map<String, Integer> counts = new HashMap<>();
        List<Labelled> labelled = new ArrayList<>();
        for (Decoded decoded : files) {
            String relative = decoded.name().substring(prefix.length());
            int slash = relative.indexOf('/');
            if (slash <= 0 || relative.indexOf('/', slash + 1) >= 0) {
                throw new DatasetFormatException(decoded.name(), "expected <label>/<image file>: images sit in one"
                        + " folder per label");
            }
            if (decoded.image() == null) {
                throw new DatasetFormatException(decoded.name(), "not a PNG or JPEG file");
            }
            labelled.add(new Labelled(relative.substring(0, slash), decoded));
            counts.merge(relative.substring(0, slash), 1, Integer::sum);
        }
        for (String folder : folders) {
            if (folder.startsWith(prefix) && !folder.equals(prefix.replaceAll("/$", ""))) {
                String label = folder.substring(prefix.length());
                if (!label.contains("/") && !counts.containsKey(label)) {
                    throw new DatasetFormatException(folder + "/", "the label folder '" + label + "' is empty");
                }
            }
        }
        int[] size = null;
        String first = null;
        boolean color = false;
        for (Labelled item : labelled) {
            BufferedImage image = item.file().image();
            if (size == null) {
                size = new int[] {image.getHeight(), image.getWidth()};
                first = item.file().name();
            } else if (size[0] != image.getHeight() || size[1] != image.getWidth()) {
                throw new DatasetFormatException(item.file().name(), "is " + image.getWidth() + "x"
                        + image.getHeight() + " but " + first + " is " + size[1] + "x" + size[0]
                        + "; all images must have one size");
            }
            color |= isColor(image);
        }
        if (size == null) {
            throw new DatasetFormatException(null, "the archive holds no images");
        }
        int channels = color ? 3 : 1;
        for (int i = 0; i < labelled.size(); i++) {
            sink.accept(Example.numeric(labelled.get(i).label(), pixels(labelled.get(i).file().image(), channels)));
        }
        return List.of(channels, size[0], size[1]);
    }

    /** Image pixels as channel-first values in [0, 1]. */
    public static float[] pixels(BufferedImage image, int channels) {
        int height = image.getHeight();
        int width = image.getWidth();
        float[] values = new float[channels * height * width];
        boolean gray = image.getColorModel().getNumColorComponents() == 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (gray) {
                    float value = sampleGray(image, x, y);
                    for (int c = 0; c < channels; c++) {
                        values[(c * height + y) * width + x] = value;
                    }
                    continue;
                }
                int rgb = image.getRGB(x, y);
                float r = ((rgb >> 16) & 0xFF) / 255f;
                float g = ((rgb >> 8) & 0xFF) / 255f;
                float b = (rgb & 0xFF) / 255f;
                if (channels == 1) {
                    values[y * width + x] = (r + g + b) / 3f;
                } else {
                    values[y * width + x] = r;
                    values[(height + y) * width + x] = g;
                    values[(2 * height + y) * width + x] = b;
                }
            }
        }
        return values;
    }

    private static float sampleGray(BufferedImage image, int x, int y) {
        int bits = image.getColorModel().getComponentSize(0);
        return image.getRaster().getSample(x, y, 0) / (float) ((1 << bits) - 1);
    }

    private static boolean isColor(BufferedImage image) {
        if (image.getColorModel().getNumColorComponents() == 1) {
            return false;
        }
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                if (r != ((rgb >> 8) & 0xFF) || r != (rgb & 0xFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGE_SUFFIXES.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }

    private static BufferedImage image(String name, byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new DatasetFormatException(name, "cannot be decoded as an image");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetFormatException format) {
                throw format;
            }
            throw new DatasetFormatException(name, "cannot be decoded as an image");
        }
    }

    /** When every file sits below one folder that is not itself a label folder, that folder is dropped. */
    private static String commonTopFolder(List<Decoded> files) {
        if (files.isEmpty()) {
            return "";
        }
        String candidate = null;
        for (Decoded file : files) {
            String[] parts = file.name().split("/");
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

    /** A file of the archive; {@code image} is null for files that are not PNG or JPEG. */
    private record Decoded(String name, BufferedImage image) {
    }

    /** An image with the label of its folder. */
    private record Labelled(String label, Decoded file) {
    }
}
