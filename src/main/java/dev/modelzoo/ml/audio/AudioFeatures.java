package dev.modelzoo.ml.audio;

import dev.modelzoo.spec.AudioFrontEnd;
import dev.modelzoo.spec.AudioNormalization;

/**
 * An AUDIO network's front end as one object: a decoded clip (any rate) or WAV bytes become exactly the network's
 * input, {@code frames * melBands} values of {@code [1, frames, melBands]}, the same for fine-tuning, prediction and
 * the dataset preview. Not thread-safe (it holds an FFT plan and buffers): one per thread.
 */
public final class AudioFeatures {

    private final LogMelSpectrogram spectrogram;

    public AudioFeatures(int sampleRate, AudioFrontEnd frontEnd) {
        this.spectrogram = new LogMelSpectrogram(new LogMelSpectrogram.Spec(sampleRate, frontEnd.clipSamples(),
                frontEnd.windowSamples(), frontEnd.hopSamples(), frontEnd.melBands(),
                frontEnd.normalization() == AudioNormalization.PER_CLIP));
    }

    /** The input of a clip at the front end's own rate (padded or trimmed to the clip length). */
    public float[] of(float[] samples) {
        return spectrogram.compute(samples);
    }

    /** The input of a decoded clip, resampled to the front end's rate when it has another. */
    public float[] of(Clip clip) {
        return spectrogram.compute(clip);
    }

    /** The input of a WAV file (longer than {@code maxSeconds}: refused). */
    public float[] ofWav(byte[] wav, double maxSeconds) {
        return of(WavDecoder.decode(wav, maxSeconds));
    }
}
