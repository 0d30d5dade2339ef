package dev.modelzoo.dataset;

import dev.modelzoo.spec.Modality;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The first few examples of each label, for people looking at a dataset (images become PNG data URIs, clips a
 * spectrogram and a short WAV).
 */
final class ExamplePreview {

    private ExamplePreview() {
    }

    static List<DatasetExample> collect(DatasetService datasets, DatasetVersion version, int perLabel) {
        Map<String, Integer> taken = new HashMap<>();
        List<DatasetExample> examples = new ArrayList<>();
        datasets.readExamples(version, example -> {
            if (taken.merge(example.label(), 1, Integer::sum) > perLabel) {
                return;
            }
            if (example.audio() != null) {
                examples.add(AudioPreview.of(example.label(), example.audio()));
            } else if (example.text() != null) {
                examples.add(new DatasetExample(example.label(), null, example.text(), null));
            } else if (version.modality == Modality.IMAGE) {
                examples.add(new DatasetExample(example.label(), png(example.values(), version.shape), null, null));
            } else {
                examples.add(new DatasetExample(example.label(), null, null, example.values()));
            }
        });
        return examples;
    }

    /** Channel-first values in [0, 1] as a PNG data URI. */
    static String png(float[] values, List<Integer> shape) {
        return png(image(values, shape));
    }

    /** Channel-first values in [0, 1] as an image. */
    static BufferedImage image(float[] values, List<Integer> shape) {
        int channels = shape.get(0);
        int height = shape.get(1);
        int width = shape.get(2);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                int r = level(values[p]);
                int g = channels == 3 ? level(values[plane + p]) : r;
                int b = channels == 3 ? level(values[2 * plane + p]) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** An image as a PNG data URI. */
    static String png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
