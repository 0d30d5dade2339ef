package dev.modelzoo.dataset.source.letters;

import java.awt.Font;
import java.util.random.RandomGenerator;

/**
 * Turns a character of a font into one MNIST-like 28x28 image with a fresh random draw of every augmentation
 * (the recipe measured in shared/notes/glyph-corpus.md): size 24, 27 or 30 px; stroke dilated (p 0.35, 3 or 5 px)
 * or eroded (p 0.20, 3 px, kept when 40% of the ink survives); rotation within 15 degrees, x-shear within 0.3,
 * scale 0.8-1.2 per axis; elastic distortion (p 0.5, a 5x5 grid of Gaussian displacements of sigma 1.1-3 px,
 * bilinearly upsampled); then MNIST's normalisation (longest side to 20 px, centre of mass at the centre of 28x28)
 * and light Gaussian noise (p 0.3, sigma 0.01-0.08).
 */
final class GlyphAugmenter {

    static final int SIDE = 28;
    static final int BOX = 20;
    private static final float[] SIZES = {24f, 27f, 30f};
    private static final int GRID = 5;

    private GlyphAugmenter() {
    }

    static float[] draw(Font font, char character, RandomGenerator random) {
        Raster glyph = GlyphRenderer.render(font, String.valueOf(character), SIZES[random.nextInt(SIZES.length)]);
        glyph = stroke(glyph, random);
        glyph = affine(glyph, random);
        if (random.nextDouble() < 0.5) {
            glyph = elastic(glyph, random);
        }
        Raster normalised = normalise(glyph);
        if (random.nextDouble() < 0.3) {
            normalised.addNoise(0.01 + random.nextDouble() * 0.07, random);
        }
        return normalised.values;
    }

    private static Raster stroke(Raster glyph, RandomGenerator random) {
        double p = random.nextDouble();
        if (p < 0.35) {
            return glyph.filter(random.nextBoolean() ? 3 : 5, true);
        }
        if (p < 0.55) {
            Raster thinner = glyph.filter(3, false);
            // thin fonts vanish under erosion; such a draw keeps the original stroke
            return thinner.ink() >= 0.4 * glyph.ink() ? thinner : glyph;
        }
        return glyph;
    }

    private static Raster affine(Raster glyph, RandomGenerator random) {
        double angle = Math.toRadians(uniform(random, -15, 15));
        double shear = uniform(random, -0.3, 0.3);
        double scaleX = uniform(random, 0.8, 1.2);
        double scaleY = uniform(random, 0.8, 1.2);
        // forward map: rotate(shear(scale(p))); the warp needs its inverse
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double a = cos * scaleX;
        double b = (cos * shear - sin) * scaleY;
        double c = sin * scaleX;
        double d = (sin * shear + cos) * scaleY;
        double det = a * d - b * c;
        double centre = (glyph.width - 1) / 2.0;
        return glyph.warp((x, y, into) -> {
            double u = x - centre;
            double v = y - centre;
            into[0] = (d * u - b * v) / det + centre;
            into[1] = (-c * u + a * v) / det + centre;
        });
    }

    private static Raster elastic(Raster glyph, RandomGenerator random) {
        double sigma = uniform(random, 1.1, 3.0);
        double[][] dx = new double[GRID][GRID];
        double[][] dy = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                dx[i][j] = random.nextGaussian() * sigma;
                dy[i][j] = random.nextGaussian() * sigma;
            }
        }
        double step = (glyph.width - 1) / (double) (GRID - 1);
        return glyph.warp((x, y, into) -> {
            into[0] = x + interpolate(dx, x / step, y / step);
            into[1] = y + interpolate(dy, x / step, y / step);
        });
    }

    private static double interpolate(double[][] grid, double gx, double gy) {
        int x0 = Math.min(GRID - 2, (int) Math.floor(gx));
        int y0 = Math.min(GRID - 2, (int) Math.floor(gy));
        double fx = gx - x0;
        double fy = gy - y0;
        return (grid[y0][x0] * (1 - fx) + grid[y0][x0 + 1] * fx) * (1 - fy)
                + (grid[y0 + 1][x0] * (1 - fx) + grid[y0 + 1][x0 + 1] * fx) * fy;
    }

    /** MNIST's normalisation: crop to the ink, longest side to 20 px (aspect kept), centre of mass centred. */
    static Raster normalise(Raster glyph) {
        int[] box = glyph.bounds(0.02f);
        if (box == null) {
            return new Raster(SIDE, SIDE);
        }
        Raster ink = glyph.crop(box);
        double scale = BOX / (double) Math.max(ink.width, ink.height);
        int w = Math.max(1, (int) Math.round(ink.width * scale));
        int h = Math.max(1, (int) Math.round(ink.height * scale));
        return ink.resize(w, h).centredIn(SIDE);
    }

    private static double uniform(RandomGenerator random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }
}
