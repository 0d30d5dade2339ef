package dev.modelzoo.dataset.source.letters;

import java.util.random.RandomGenerator;

/**
 * A square or rectangular grayscale image as row-major floats in [0, 1] (white ink on black), with the few
 * operations the glyph augmentation needs: min/max filters, inverse-mapped warps with bilinear sampling, cropping,
 * resampling, centre-of-mass placement and noise.
 */
final class Raster {

    final int width;
    final int height;
    final float[] values;

    Raster(int width, int height) {
        this(width, height, new float[width * height]);
    }

    Raster(int width, int height, float[] values) {
        this.width = width;
        this.height = height;
        this.values = values;
    }

    float get(int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : values[y * width + x];
    }

    double ink() {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }

    /** Bilinear sample at a real-valued position; outside the image is black. */
    float sample(double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        double top = get(x0, y0) * (1 - fx) + get(x0 + 1, y0) * fx;
        double bottom = get(x0, y0 + 1) * (1 - fx) + get(x0 + 1, y0 + 1) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    /** Max filter (dilation, thicker strokes) or min filter (erosion, thinner strokes) over a k x k window. */
    Raster filter(int k, boolean max) {
        Raster out = new Raster(width, height);
        int r = k / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float best = max ? 0f : 1f;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        float v = get(x + dx, y + dy);
                        best = max ? Math.max(best, v) : Math.min(best, v);
                    }
                }
                out.values[y * width + x] = best;
            }
        }
        return out;
    }

    /** Output pixel (x, y) takes the input at {@code source(x, y)}: the inverse mapping of any warp. */
    Raster warp(InverseMap source) {
        Raster out = new Raster(width, height);
        double[] point = new double[2];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                source.map(x, y, point);
                out.values[y * width + x] = sample(point[0], point[1]);
            }
        }
        return out;
    }

    /** Where an output pixel of a warp reads from. */
    @FunctionalInterface
    interface InverseMap {
        void map(int x, int y, double[] into);
    }

    /** The smallest rectangle holding every pixel brighter than {@code threshold}, or null when there is none. */
    int[] bounds(float threshold) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (values[y * width + x] > threshold) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX - minX + 1, maxY - minY + 1};
    }

    Raster crop(int[] box) {
        Raster out = new Raster(box[2], box[3]);
        for (int y = 0; y < box[3]; y++) {
            System.arraycopy(values, (box[1] + y) * width + box[0], out.values, y * box[2], box[2]);
        }
        return out;
    }

    /**
     * Resized to {@code w} x {@code h}: area averaging when shrinking (every input pixel contributes by its
     * covered fraction, the anti-aliasing MNIST's own normalisation had), bilinear when enlarging.
     */
    Raster resize(int w, int h) {
        Raster out = new Raster(w, h);
        double sx = width / (double) w;
        double sy = height / (double) h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.values[y * w + x] = sx > 1 || sy > 1 ? area(x * sx, y * sy, sx, sy)
                        : sample((x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5);
            }
        }
        return out;
    }

    private float area(double x0, double y0, double sx, double sy) {
        double sum = 0;
        double weight = 0;
        for (int y = (int) Math.floor(y0); y < Math.ceil(y0 + sy); y++) {
            double wy = Math.min(y + 1, y0 + sy) - Math.max(y, y0);
            for (int x = (int) Math.floor(x0); x < Math.ceil(x0 + sx); x++) {
                double wx = Math.min(x + 1, x0 + sx) - Math.max(x, x0);
                if (wx > 0 && wy > 0) {
                    sum += get(x, y) * wx * wy;
                    weight += wx * wy;
                }
            }
        }
        return weight == 0 ? 0 : (float) (sum / weight);
    }

    /** The intensity-weighted centre {x, y} in pixel-index coordinates. */
    double[] centreOfMass() {
        double sum = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = values[y * width + x];
                sum += v;
                cx += v * x;
                cy += v * y;
            }
        }
        return sum == 0 ? new double[] {(width - 1) / 2.0, (height - 1) / 2.0} : new double[] {cx / sum, cy / sum};
    }

    /** This image pasted into a black {@code side} x {@code side} canvas with its centre of mass at the centre. */
    Raster centredIn(int side) {
        Raster out = new Raster(side, side);
        double[] com = centreOfMass();
        int offsetX = (int) Math.round((side - 1) / 2.0 - com[0]);
        int offsetY = (int) Math.round((side - 1) / 2.0 - com[1]);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int tx = x + offsetX;
                int ty = y + offsetY;
                if (tx >= 0 && ty >= 0 && tx < side && ty < side) {
                    out.values[ty * side + tx] = values[y * width + x];
                }
            }
        }
        return out;
    }

    /** Adds Gaussian noise of standard deviation {@code sigma}, clipped to [0, 1]. */
    void addNoise(double sigma, RandomGenerator random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.min(1, Math.max(0, values[i] + random.nextGaussian() * sigma));
        }
    }
}
