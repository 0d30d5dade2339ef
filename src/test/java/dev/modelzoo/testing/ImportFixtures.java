package dev.modelzoo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Keras/TF.js fixtures derived by {@code src/scripts/fetch-import-fixtures.sh} (run by the build before the
 * tests), their TF.js reference outputs, and the fixed inputs those were computed on.
 */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    public static Path file(String name) {
        Path dir = Path.of(System.getProperty("modelzoo.import-fixtures", "target/import-fixtures"));
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run src/scripts/fetch-import-fixtures.sh (the"
                    + " Maven build does so before the tests)");
        }
        return file;
    }

    /** The outputs TF.js computed for {@code model} on {@link #input} 0 and 1. */
    public static double[][] reference(String model) {
        try {
            JsonNode outputs = new ObjectMapper().readTree(file(model + ".reference.json").toFile()).get("outputs");
            double[][] values = new double[outputs.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = new double[outputs.get(i).size()];
                for (int j = 0; j < values[i].length; j++) {
                    values[i][j] = outputs.get(i).get(j).asDouble();
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fixed input {@code which} (0: a ramp, 1: a scrambled pattern) of {@code count} values in [0, 1], in the
     * model's own order (for images channels-last {@code [h, w, c]}), as import-fixtures.js computes it.
     */
    public static float[] input(int which, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = which == 0 ? (float) i / (count - 1) : (float) (((long) i * 7919) % 1000) / 999f;
        }
        return values;
    }

    /** An {@code [h, w, c]} image as the registry's {@code [c, h, w]}. */
    public static float[] channelsFirst(float[] hwc, int height, int width, int channels) {
        float[] chw = new float[hwc.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    chw[(c * height + y) * width + x] = hwc[(y * width + x) * channels + c];
                }
            }
        }
        return chw;
    }
}
