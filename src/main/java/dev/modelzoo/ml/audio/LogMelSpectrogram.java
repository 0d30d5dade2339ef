package dev.modelzoo.ml.audio;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * The audio front end: a clip at the spec's sample rate, padded or trimmed to its length, becomes a log-mel
 * spectrogram {@code [frames, melBands]} (row-major; a network takes it as {@code [1, frames, melBands]}): Hann
 * window, power spectrum by FFT (JTransforms), a triangular mel filterbank (HTK mel scale, 0 Hz to Nyquist),
 * {@code log(energy + 1e-6)}, and optionally per-clip standardisation (which also makes the features indifferent
 * to the recording's gain). One instance holds its FFT plan and filters; it is not thread-safe.
 */
public final class LogMelSpectrogram {

    private static final double FLOOR = 1e-6;

    /** What the front end computes; {@code normalize} standardises each clip to mean 0 and variance 1. */
    public record Spec(int sampleRate, int clipSamples, int window, int hop, int melBands, boolean normalize) {

        public Spec {
            if (sampleRate <= 0 || window <= 1 || hop <= 0 || melBands <= 0 || clipSamples < window) {
                throw new IllegalArgumentException("invalid spectrogram spec " + sampleRate + " Hz, clip "
                        + clipSamples + ", window " + window + ", hop " + hop + ", " + melBands + " mel bands");
            }
        }

        public int frames() {
            return 1 + (clipSamples - window) / hop;
        }
    }

    private final Spec spec;
    private final int fftSize;
    private final FloatFFT_1D fft;
    private final float[] hann;
    private final int[] filterStart;
    private final float[][] filters;
    private final float[] buffer;
    private final float[] power;

    public LogMelSpectrogram(Spec spec) {
        this.spec = spec;
        this.fftSize = Integer.highestOneBit(spec.window() - 1) << 1;
        this.fft = new FloatFFT_1D(fftSize);
        this.hann = new float[spec.window()];
        for (int i = 0; i < hann.length; i++) {
            hann[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / spec.window()));
        }
        int bins = fftSize / 2 + 1;
        this.filterStart = new int[spec.melBands()];
        this.filters = new float[spec.melBands()][];
        double maxMel = mel(spec.sampleRate() / 2.0);
        double[] edges = new double[spec.melBands() + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = hertz(maxMel * i / (spec.melBands() + 1)) * fftSize / spec.sampleRate();
        }
        for (int band = 0; band < spec.melBands(); band++) {
            double low = edges[band];
            double centre = edges[band + 1];
            double high = edges[band + 2];
            int first = Math.max(0, (int) Math.ceil(low));
            int last = Math.min(bins - 1, (int) Math.floor(high));
            float[] weights = new float[Math.max(0, last - first + 1)];
            for (int bin = first; bin <= last; bin++) {
                double weight = bin <= centre ? (bin - low) / Math.max(1e-9, centre - low)
                        : (high - bin) / Math.max(1e-9, high - centre);
                weights[bin - first] = (float) Math.max(0, weight);
            }
            filterStart[band] = first;
            filters[band] = weights;
        }
        this.buffer = new float[fftSize];
        this.power = new float[bins];
    }

    public Spec spec() {
        return spec;
    }

    /** The spectrogram of {@code samples} (at the spec's rate), {@code frames * melBands} values, frame-major. */
    public float[] compute(float[] samples) {
        float[] clip = Resampler.fit(samples, spec.clipSamples());
        int frames = spec.frames();
        int bands = spec.melBands();
        float[] out = new float[frames * bands];
        for (int frame = 0; frame < frames; frame++) {
            int offset = frame * spec.hop();
            java.util.Arrays.fill(buffer, 0f);
            for (int i = 0; i < spec.window(); i++) {
                buffer[i] = clip[offset + i] * hann[i];
            }
            fft.realForward(buffer);
            // realForward packs Re[0], Re[n/2], then Re/Im pairs
            power[0] = buffer[0] * buffer[0];
            power[fftSize / 2] = buffer[1] * buffer[1];
            for (int k = 1; k < fftSize / 2; k++) {
                power[k] = buffer[2 * k] * buffer[2 * k] + buffer[2 * k + 1] * buffer[2 * k + 1];
            }
            for (int band = 0; band < bands; band++) {
                float[] weights = filters[band];
                int start = filterStart[band];
                double energy = 0;
                for (int i = 0; i < weights.length; i++) {
                    energy += weights[i] * power[start + i];
                }
                out[frame * bands + band] = (float) Math.log(energy + FLOOR);
            }
        }
        if (spec.normalize()) {
            standardize(out);
        }
        return out;
    }

    /** Decodes, resamples to the spec's rate and computes, in one step. */
    public float[] compute(Clip clip) {
        return compute(Resampler.resample(clip.samples(), clip.sampleRate(), spec.sampleRate()));
    }

    private static void standardize(float[] values) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (float v : values) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / values.length);
        double scale = std < 1e-6 ? 0 : 1 / std;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((values[i] - mean) * scale);
        }
    }

    static double mel(double hertz) {
        return 2595 * Math.log10(1 + hertz / 700);
    }

    static double hertz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
