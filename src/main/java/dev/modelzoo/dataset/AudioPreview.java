package dev.modelzoo.dataset;

import dev.modelzoo.ml.audio.AudioFeatures;
import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.Resampler;
import dev.modelzoo.ml.audio.WavEncoder;
import dev.modelzoo.spec.AudioFrontEnd;
import dev.modelzoo.spec.AudioNormalization;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Base64;

/**
 * A clip for display: the log-mel spectrogram of its first seconds through the server's front end (32 ms windows
 * every 10 ms, 40 bands, standardised per clip), time left to right and low frequencies at the bottom, and those
 * seconds as a 16-bit WAV (at most 16 kHz) for the browser to play.
 */
final class AudioPreview {

    static final double SECONDS = 3;
    private static final int MAX_PLAYBACK_RATE = 16_000;

    private AudioPreview() {
    }

    static DatasetExample of(String label, Clip clip) {
        int rate = clip.sampleRate();
        int length = (int) Math.min(clip.samples().length, Math.round(SECONDS * rate));
        float[] samples = Arrays.copyOf(clip.samples(), length);
        int window = Math.max(16, (int) Math.round(0.032 * rate));
        int hop = Math.max(1, (int) Math.round(0.010 * rate));
        AudioFrontEnd display = new AudioFrontEnd(AudioFrontEnd.LOG_MEL_V1, Math.max(length, window), window, hop,
                Math.min(40, window / 2), true, AudioNormalization.PER_CLIP);
        float[] spectrogram = new AudioFeatures(rate, display).of(samples);
        int playbackRate = Math.min(rate, MAX_PLAYBACK_RATE);
        byte[] wav = WavEncoder.pcm16(Resampler.resample(samples, rate, playbackRate), playbackRate);
        return new DatasetExample(label, ExamplePreview.png(image(spectrogram, display.frames(), display.melBands())),
                null, null, "data:audio/wav;base64," + Base64.getEncoder().encodeToString(wav));
    }

    private static BufferedImage image(float[] values, int frames, int bands) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        float scale = max > min ? 1 / (max - min) : 0;
        BufferedImage image = new BufferedImage(frames, bands, BufferedImage.TYPE_INT_RGB);
        for (int frame = 0; frame < frames; frame++) {
            for (int band = 0; band < bands; band++) {
                float level = (values[frame * bands + band] - min) * scale;
                image.setRGB(frame, bands - 1 - band, heat(level));
            }
        }
        return image;
    }

    /** A dark-blue to yellow colour ramp, readable for quiet and loud bands alike. */
    private static int heat(float level) {
        int r = Math.round(255 * Math.min(1, Math.max(0, 1.6f * level - 0.3f)));
        int g = Math.round(255 * Math.min(1, Math.max(0, 1.2f * level - 0.1f)));
        int b = Math.round(255 * Math.min(1, Math.max(0, 0.6f - Math.abs(level - 0.3f) * 1.5f)));
        return (r << 16) | (g << 8) | b;
    }
}
