package dev.modelzoo.ml.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited resampling (Hann-windowed sinc, cut-off at the lower of the two Nyquist frequencies, so that
 * downsampling does not alias), polyphase: for a ratio L/M in lowest terms every output sample uses one of L
 * precomputed kernels, cached per rate pair. Also padding or trimming to a clip length.
 */
public final class Resampler {

    /** Zero crossings of the sinc kernel on each side. */
    private static final int TAPS = 16;
    /** Kernels kept for this many rate pairs at most (datasets bring a handful of rates). */
    private static final int MAX_CACHED = 64;
    /**
     * Kernels up to this many weights (4 MB) go into the cache; common rate pairs need far less (44.1 to 16 kHz:
     * 14,240), while an odd rate such as 383,999 Hz needs 12 million, which requests with ever other rates must not
     * pile up. The last larger kernel is kept on its own, for a dataset whose clips all have such a rate.
     */
    private static final long MAX_CACHED_WEIGHTS = 1L << 20;
    private static volatile Kernels lastLarge;
    private static final Map<Long, Kernels> CACHE = new ConcurrentHashMap<>();

    private Resampler() {
    }

    /** The kernels of one rate pair: for each phase, the first input offset and its weights. */
    private record Kernels(long key, int up, int down, int[] first, float[][] weights) {
    }

    public static float[] resample(float[] samples, int from, int to) {
        if (from == to) {
            return samples;
        }
        Kernels kernels = kernels(from, to);
        int length = (int) ((long) samples.length * kernels.up() / kernels.down());
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            long position = (long) i * kernels.down();
            int base = (int) (position / kernels.up());
            int phase = (int) (position % kernels.up());
            float[] weights = kernels.weights()[phase];
            int start = base + kernels.first()[phase];
            double sum = 0;
            int lo = Math.max(0, -start);
            int hi = Math.min(weights.length, samples.length - start);
            for (int k = lo; k < hi; k++) {
                sum += weights[k] * samples[start + k];
            }
            out[i] = (float) sum;
        }
        return out;
    }

    /** The first {@code length} samples, zero-padded at the end when the clip is shorter. */
    public static float[] fit(float[] samples, int length) {
        float[] out = new float[length];
        System.arraycopy(samples, 0, out, 0, Math.min(length, samples.length));
        return out;
    }

    private static Kernels kernels(int from, int to) {
        long key = ((long) from << 32) | to;
        Kernels cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Kernels large = lastLarge;
        if (large != null && large.key() == key) {
            return large;
        }
        int gcd = gcd(from, to);
        int up = to / gcd;
        int down = from / gcd;
        double cutoff = Math.min(1.0, (double) to / from);
        double radius = TAPS / cutoff;
        int[] first = new int[up];
        float[][] weights = new float[up][];
        for (int phase = 0; phase < up; phase++) {
            double fraction = phase / (double) up;
            int lo = (int) Math.ceil(fraction - radius);
            int hi = (int) Math.floor(fraction + radius);
            first[phase] = lo;
            weights[phase] = new float[hi - lo + 1];
            for (int k = lo; k <= hi; k++) {
                double distance = k - fraction;
                double window = 0.5 + 0.5 * Math.cos(Math.PI * distance / radius);
                weights[phase][k - lo] = (float) (cutoff * sinc(distance * cutoff) * window);
            }
        }
        Kernels kernels = new Kernels(key, up, down, first, weights);
        if ((long) up * weights[0].length > MAX_CACHED_WEIGHTS) {
            lastLarge = kernels;
        } else if (CACHE.size() < MAX_CACHED) {
            CACHE.put(key, kernels);
        }
        return kernels;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }
}
