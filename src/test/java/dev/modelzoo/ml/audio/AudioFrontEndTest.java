package dev.modelzoo.ml.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** WAV decoding of every supported encoding, resampling without aliasing, and the log-mel front end. */
class AudioFrontEndTest {

    private static final LogMelSpectrogram.Spec SPEC = new LogMelSpectrogram.Spec(16_000, 16_000, 400, 160, 40,
            false);

    @Test
    void everyEncodingDecodesToTheSameSamples() {
        float[] tone = Wavs.sine(440, 0.5, 16_000, 0.25);
        double[][] cases = {{8, 1.0 / 100}, {16, 1e-4}, {24, 1e-6}, {32, 1e-8}};
        for (double[] c : cases) {
            Clip clip = WavDecoder.decode(Wavs.wav(16_000, (int) c[0], false, tone), 10);
            assertThat(clip.sampleRate()).isEqualTo(16_000);
            assertThat(clip.bitsPerSample()).isEqualTo((int) c[0]);
            for (int i = 0; i < tone.length; i++) {
                assertThat((double) clip.samples()[i]).as("%d-bit sample %d", (int) c[0], i)
                        .isCloseTo(tone[i], within(c[1]));
            }
        }
        Clip floating = WavDecoder.decode(Wavs.wav(44_100, 32, true, tone), 10);
        assertThat(floating.floatingPoint()).isTrue();
        assertThat(floating.samples()).containsExactly(tone);
        assertThat(floating.seconds()).isCloseTo(tone.length / 44_100.0, within(1e-9));
    }

    @Test
    void channelsAreMixedDownToMono() {
        float[] tone = Wavs.sine(300, 0.4, 8_000, 0.1);
        float[] inverted = new float[tone.length];
        for (int i = 0; i < tone.length; i++) {
            inverted[i] = -tone[i];
        }
        Clip cancelled = WavDecoder.decode(Wavs.wav(8_000, 16, false, tone, inverted), 10);
        assertThat(cancelled.channels()).isEqualTo(2);
        for (float sample : cancelled.samples()) {
            assertThat(sample).isCloseTo(0f, within(1e-4f));
        }
        Clip same = WavDecoder.decode(Wavs.wav(8_000, 16, false, tone, tone), 10);
        assertThat(same.samples()[10]).isCloseTo(tone[10], within(1e-4f));
    }

    @Test
    void filesThatAreNotUsableWavsSayWhy() {
        assertThatThrownBy(() -> WavDecoder.decode("hello, not audio".getBytes(), 10))
                .isInstanceOf(AudioException.class).hasMessageContaining("not a WAV file");
        byte[] adpcm = Wavs.wav(8_000, 16, false, new float[100]);
        ByteBuffer.wrap(adpcm).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 2);
        assertThatThrownBy(() -> WavDecoder.decode(adpcm, 10)).hasMessageContaining("unsupported WAV encoding");
        assertThatThrownBy(() -> WavDecoder.decode(Wavs.wav(8_000, 16, false, new float[0]), 10))
                .hasMessageContaining("no samples");
        assertThatThrownBy(() -> WavDecoder.decode(Wavs.wav(8_000, 16, false, new float[8_000 * 3]), 2))
                .hasMessageContaining("3.0 s long");
        byte[] noData = java.util.Arrays.copyOf(Wavs.wav(8_000, 16, false, new float[10]), 36);
        assertThatThrownBy(() -> WavDecoder.decode(noData, 10)).hasMessageContaining("no data chunk");
    }

    @Test
    void resamplingKeepsTonesBelowTheNewNyquistAndRemovesThoseAbove() {
        float[] low = Wavs.sine(500, 0.5, 8_000, 1);
        float[] up = Resampler.resample(low, 8_000, 16_000);
        assertThat(up).hasSize(16_000);
        assertThat(peakHertz(up)).isCloseTo(500, within(60.0));
        // a 6 kHz tone cannot exist at 8 kHz; without the low-pass it would alias to 2 kHz
        float[] high = Wavs.sine(6_000, 0.5, 16_000, 1);
        float[] down = Resampler.resample(high, 16_000, 8_000);
        assertThat(rms(down)).isLessThan(0.02 * rms(high));
        assertThat(Resampler.fit(low, 10)).hasSize(10);
        assertThat(Resampler.fit(new float[] {1, 2}, 4)).containsExactly(1, 2, 0, 0);
    }

    @Test
    void anOddRateWithAHugeKernelStillResamplesTwiceTheSame() {
        // 383,999 and 16,000 share no factor: 16,000 phases of 769 taps, too large for the cache (the last one is kept)
        float[] tone = Wavs.sine(1_000, 0.5, 383_999, 1);
        float[] first = Resampler.resample(tone, 383_999, 16_000);
        assertThat(first).hasSize(16_000);
        assertThat(peakHertz(first)).isCloseTo(1_000, within(60.0));
        assertThat(rms(first)).isCloseTo(rms(tone), within(0.02));
        assertThat(Resampler.resample(tone, 383_999, 16_000)).containsExactly(first);
    }

    @Test
    void aToneLightsTheMelBandOfItsFrequency() {
        LogMelSpectrogram front = new LogMelSpectrogram(SPEC);
        float[] spectrogram = front.compute(Wavs.sine(1_000, 0.5, 16_000, 1));
        assertThat(SPEC.frames()).isEqualTo(98);
        assertThat(spectrogram).hasSize(98 * 40);
        int frame = 50;
        int loudest = 0;
        for (int band = 1; band < 40; band++) {
            if (spectrogram[frame * 40 + band] > spectrogram[frame * 40 + loudest]) {
                loudest = band;
            }
        }
        // band centres are equally spaced in mels from 0 to 8 kHz: 1 kHz sits at band (mel(1000) / step) - 1
        double step = LogMelSpectrogram.mel(8_000) / 41;
        assertThat((double) loudest).isCloseTo(LogMelSpectrogram.mel(1_000) / step - 1, within(1.0));
        // a short clip is padded with silence: its last frames carry only the floor
        float[] shortClip = front.compute(Wavs.sine(1_000, 0.5, 16_000, 0.5));
        assertThat(shortClip[97 * 40 + loudest]).isCloseTo((float) Math.log(1e-6), within(1e-3f));
    }

    @Test
    void standardisedFeaturesIgnoreTheRecordingsGain() {
        LogMelSpectrogram front = new LogMelSpectrogram(new LogMelSpectrogram.Spec(16_000, 16_000, 400, 160, 40,
                true));
        float[] noise = new float[16_000];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (random.nextGaussian() * 0.01) + Wavs.sine(700, 0.3, 16_000, 1)[i];
        }
        float[] quiet = noise.clone();
        for (int i = 0; i < quiet.length; i++) {
            quiet[i] *= 0.1f;
        }
        float[] loud = front.compute(noise);
        float[] soft = front.compute(quiet);
        double mean = 0;
        for (float v : loud) {
            mean += v;
        }
        assertThat(mean / loud.length).isCloseTo(0, within(1e-4));
        for (int i = 0; i < loud.length; i++) {
            assertThat(soft[i]).isCloseTo(loud[i], within(0.05f));
        }
        Clip clip = WavDecoder.decode(Wavs.wav(8_000, 16, false, Wavs.sine(700, 0.3, 8_000, 1)), 10);
        assertThat(front.compute(clip)).hasSize(98 * 40);
    }

    private static double peakHertz(float[] samples) {
        LogMelSpectrogram wide = new LogMelSpectrogram(new LogMelSpectrogram.Spec(16_000, 16_000, 1024, 512, 128,
                false));
        float[] spectrogram = wide.compute(samples);
        int loudest = 0;
        for (int band = 0; band < 128; band++) {
            if (spectrogram[10 * 128 + band] > spectrogram[10 * 128 + loudest]) {
                loudest = band;
            }
        }
        double step = LogMelSpectrogram.mel(8_000) / 129;
        return LogMelSpectrogram.hertz((loudest + 1) * step);
    }

    private static double rms(float[] samples) {
        double sum = 0;
        for (int i = samples.length / 4; i < samples.length * 3 / 4; i++) {
            sum += samples[i] * samples[i];
        }
        return Math.sqrt(sum / (samples.length / 2.0));
    }
}
