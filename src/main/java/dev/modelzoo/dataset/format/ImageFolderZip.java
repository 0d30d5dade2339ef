package dev.modelzoo.dataset.format;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * A ZIP of class folders of PNG/JPEG images: {@code <label>/<any>.png}, optionally all under one top folder
 * ({@link ClassFolders}). Images must share one size; the channel count is 1 when every image is gray (by colour
 * model or because R = G = B everywhere), else 3 (RGB; alpha is dropped). Values are scaled to [0, 1].
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
        List<ClassFolders.Labelled<BufferedImage>> labelled = ClassFolders.read(file, limits, IMAGE_SUFFIXES,
                "PNG or JPEG", ImageFolderZip::image);
        int[] size = null;
        String first = null;
        boolean color = false;
        for (ClassFolders.Labelled<BufferedImage> item : labelled) {
            BufferedImage image = item.value();
            if (size == null) {
                size = new int[] {image.getHeight(), image.getWidth()};
                first = item.name();
            } else if (size[0] != image.getHeight() || size[1] != image.getWidth()) {
                throw new DatasetFormatException(item.name(), "is " + image.getWidth() + "x"
                        + image.getHeight() + " but " + first + " is " + size[1] + "x" + size[0]
                        + "; all images must have one size");
            }
            color |= isColor(image);
        }
        int channels = color ? 3 : 1;
        for (ClassFolders.Labelled<BufferedImage> item : labelled) {
            sink.accept(Example.numeric(item.label(), pixels(item.value(), channels)));
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
}
