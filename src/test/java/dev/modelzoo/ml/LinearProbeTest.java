package dev.modelzoo.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cross-validated ridge probe: separable features score high, uninformative ones near chance. */
class LinearProbeTest {

    private static float[][] clusters(int perClass, int classes, int dims, double spread, long seed, int[] labels) {
        Random random = new Random(seed);
        float[][] centres = new float[classes][dims];
        for (float[] centre : centres) {
            for (int j = 0; j < dims; j++) {
                centre[j] = (float) random.nextGaussian() * 3;
            }
        }
        float[][] rows = new float[perClass * classes][dims];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < dims; j++) {
                rows[i][j] = centres[labels[i]][j] + (float) (random.nextGaussian() * spread);
            }
        }
        return rows;
    }

    @Test
    void separableFeaturesScoreHighAndNoiseScoresNearChance() {
        int[] labels = new int[50];
        LinearProbe.Result clear = LinearProbe.crossValidate(clusters(10, 5, 40, 0.5, 1, labels), labels, 5, 5, 42);
        assertThat(clear.count()).isEqualTo(50);
        assertThat(clear.folds()).isEqualTo(5);
        assertThat(clear.accuracy()).isGreaterThanOrEqualTo(0.95);

        Random random = new Random(7);
        float[][] noise = new float[200][40];
        int[] noiseLabels = new int[200];
        for (int i = 0; i < noise.length; i++) {
            noiseLabels[i] = i % 4;
            for (int j = 0; j < 40; j++) {
                noise[i][j] = (float) random.nextGaussian();
            }
        }
        LinearProbe.Result chance = LinearProbe.crossValidate(noise, noiseLabels, 4, 5, 42);
        assertThat(chance.accuracy()).isBetween(0.1, 0.4);
        assertThat(clear.margin()).isGreaterThan(chance.margin());

        int[] blurredLabels = new int[50];
        LinearProbe.Result blurred = LinearProbe.crossValidate(clusters(10, 5, 40, 6.0, 1, blurredLabels),
                blurredLabels, 5, 5, 42);
        assertThat(blurred.accuracy()).isLessThan(clear.accuracy());
    }

    @Test
    void deadFeaturesAndTinyClassesDoNotBreakIt() {
        float[][] dead = new float[12][8];
        int[] labels = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        LinearProbe.Result result = LinearProbe.crossValidate(dead, labels, 3, 5, 1);
        assertThat(result.folds()).as("4 examples per class allow 4 folds").isEqualTo(4);
        assertThat(result.count()).isEqualTo(12);
        assertThat(result.margin()).isCloseTo(0, within(1e-9));

        int[] pair = {0, 0, 1, 1};
        float[][] two = {{0, 1}, {0, 1.1f}, {1, 0}, {1.1f, 0}};
        assertThat(LinearProbe.crossValidate(two, pair, 2, 5, 3).accuracy()).isEqualTo(1.0);
    }

    @Test
    void choleskySolvesASymmetricSystem() {
        double[][] m = {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}};
        double[][] b = {{2, 1}, {3, 0}, {1, 2}};
        double[][] x = LinearProbe.Cholesky.solve(m, b);
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 2; c++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) {
                    sum += m[i][k] * x[k][c];
                }
                assertThat(sum).isCloseTo(b[i][c], within(1e-9));
            }
        }
    }
}
