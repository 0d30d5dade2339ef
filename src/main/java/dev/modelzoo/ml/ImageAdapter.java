package dev.modelzoo.ml;

/**
 * Converts channel-first images to a base model's input: RGB to grayscale (mean of the channels), grayscale to RGB
 * (the channel repeated), and bilinear resizing to the base's height and width.
 */
public record ImageAdapter(int fromChannels, int fromHeight, int fromWidth, int toChannels, int toHeight,
        int toWidth) {

    /** Whether the images need any conversion. */
    public boolean changesAnything() {
        return fromChannels != toChannels || fromHeight != toHeight || fromWidth != toWidth;
    }

    /** A short record of what the adapter does, stored in recipes. */
    public String describe() {
        return fromChannels + "x" + fromHeight + "x" + fromWidth + " -> " + toChannels + "x" + toHeight + "x"
                + toWidth + (fromChannels == 3 && toChannels == 1 ? " (RGB to grayscale, bilinear resize)"
                : fromChannels == 1 && toChannels == 3 ? " (grayscale to RGB, bilinear resize)" : " (bilinear resize)");
    }

    public float[] apply(float[] image) {
        if (image.length != fromChannels * fromHeight * fromWidth) {
            throw new IllegalArgumentException("Expected " + fromChannels * fromHeight * fromWidth + " values, got "
                    + image.length);
        }
        float[] channels = convertChannels(image);
        if (fromHeight == toHeight && fromWidth == toWidth) {
            return channels;
        }
        float[] resized = new float[toChannels * toHeight * toWidth];
        for (int c = 0; c < toChannels; c++) {
            resize(channels, c * fromHeight * fromWidth, resized, c * toHeight * toWidth);
        }
        return resized;
    }

    private float[] convertChannels(float[] image) {
        int plane = fromHeight * fromWidth;
        if (fromChannels == toChannels) {
            return image;
        }
        float[] converted = new float[toChannels * plane];
        for (int p = 0; p < plane; p++) {
            float mean = 0;
            for (int c = 0; c < fromChannels; c++) {
                mean += image[c * plane + p];
            }
            mean /= fromChannels;
            for (int c = 0; c < toChannels; c++) {
                converted[c * plane + p] = toChannels == 1 || fromChannels != 1 ? mean : image[p];
            }
        }
        return converted;
    }

    /** Bilinear interpolation with pixel centres aligned (as image libraries do). */
    private void resize(float[] source, int sourceOffset, float[] target, int targetOffset) {
        double scaleY = (double) fromHeight / toHeight;
        double scaleX = (double) fromWidth / toWidth;
        for (int y = 0; y < toHeight; y++) {
            double sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), fromHeight - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, fromHeight - 1);
            double wy = sy - y0;
            for (int x = 0; x < toWidth; x++) {
                double sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), fromWidth - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, fromWidth - 1);
                double wx = sx - x0;
                double top = source[sourceOffset + y0 * fromWidth + x0] * (1 - wx)
                        + source[sourceOffset + y0 * fromWidth + x1] * wx;
                double bottom = source[sourceOffset + y1 * fromWidth + x0] * (1 - wx)
                        + source[sourceOffset + y1 * fromWidth + x1] * wx;
                target[targetOffset + y * toWidth + x] = (float) (top * (1 - wy) + bottom * wy);
            }
        }
    }
}
