package dev.modelzoo.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.error.Violation;
import dev.modelzoo.ml.audio.AudioFeatures;
import dev.modelzoo.ml.audio.Clip;
import dev.modelzoo.ml.audio.Resampler;
import dev.modelzoo.ml.audio.Wavs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audio front end as data: what a valid one looks like, what is refused, and that the server computes it. */
class AudioFrontEndSpecTest {

    private static final AudioFrontEnd LOG_MEL = new AudioFrontEnd(AudioFrontEnd.LOG_MEL_V1, 16_000, 512, 320, 40,
            true, AudioNormalization.PER_CLIP);

    @Test
    void aValidFrontEndDeterminesTheShape() {
        assertThat(LOG_MEL.shape()).containsExactly(1, 49, 40);
        assertThat(SpecValidation.check(spec(Modality.AUDIO, List.of(1, 49, 40), 16_000, LOG_MEL))).isEmpty();
    }

    @Test
    void refusesWhatTheServerCannotCompute() {
        assertThat(fields(spec(Modality.AUDIO, List.of(1, 98, 40), 16_000, LOG_MEL)))
                .containsExactly("inputSpec.shape");
        assertThat(fields(spec(Modality.AUDIO, List.of(1, 49, 40), null, LOG_MEL)))
                .containsExactly("inputSpec.preprocessing.sampleRate");
        assertThat(fields(spec(Modality.AUDIO, List.of(1, 49, 40), 16_000, new AudioFrontEnd("mfcc-v9", 16_000, 512,
                320, 40, true, null)))).containsExactly("inputSpec.preprocessing.audio.id");
        assertThat(fields(spec(Modality.AUDIO, List.of(1, 49, 40), 16_000, new AudioFrontEnd(null, 16_000, 512, 600,
                40, false, null)))).containsExactlyInAnyOrder("inputSpec.preprocessing.audio.hopSamples",
                "inputSpec.preprocessing.audio.logScale");
        assertThat(fields(spec(Modality.AUDIO, List.of(1, 49, 40), 16_000, new AudioFrontEnd(null, 100, 512, 320,
                40, true, null)))).containsExactly("inputSpec.preprocessing.audio.clipSamples");
        assertThat(fields(spec(Modality.IMAGE, List.of(1, 49, 40), 16_000, LOG_MEL)))
                .containsExactly("inputSpec.preprocessing.audio");
    }

    @Test
    void theServerComputesExactlyThatInputFromAClipAtAnyRate() {
        AudioFeatures features = new AudioFeatures(16_000, LOG_MEL);
        float[] tone = Wavs.sine(500, 0.4, 8_000, 0.7);
        float[] input = features.of(new Clip(tone, 8_000, 1, 16, false));
        assertThat(input).hasSize(49 * 40);
        // a clip at another rate is resampled first, then padded to the clip length
        assertThat(input).containsExactly(features.of(Resampler.resample(tone, 8_000, 16_000)));
        double mean = 0;
        for (float value : input) {
            mean += value;
        }
        assertThat(mean / input.length).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-4));
    }

    private static InputSpec spec(Modality modality, List<Integer> shape, Integer rate, AudioFrontEnd frontEnd) {
        return new InputSpec(modality, shape, null, new Preprocessing(null, null, null, null, null, null, rate, null,
                frontEnd));
    }

    private static List<String> fields(InputSpec spec) {
        return SpecValidation.check(spec).stream().map(Violation::field).toList();
    }
}
