package dev.modelzoo.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * How an AUDIO network's input is computed from a WAV clip (with {@code preprocessing.sampleRate}): the clip,
 * mixed to mono and at the base's rate, is padded with silence at the end or trimmed to {@code clipSamples}, cut
 * into Hann windows of {@code windowSamples} every {@code hopSamples}, turned into {@code melBands} mel energies,
 * log-scaled ({@code log(energy + 1e-6)}) and normalised; the network takes {@code [1, frames, melBands]}.
 * {@code id} names the implementation ({@value #LOG_MEL_V1} is the server's own).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AudioFrontEnd(String id, Integer clipSamples, Integer windowSamples, Integer hopSamples,
        Integer melBands, Boolean logScale, AudioNormalization normalization) {

    /** The server's front end: {@code dev.modelzoo.ml.audio.LogMelSpectrogram}. */
    public static final String LOG_MEL_V1 = "log-mel-v1";

    public AudioFrontEnd {
        id = id == null ? LOG_MEL_V1 : id;
        logScale = logScale == null ? Boolean.TRUE : logScale;
        normalization = normalization == null ? AudioNormalization.NONE : normalization;
    }

    /** Spectrogram frames per clip. */
    public int frames() {
        return 1 + (clipSamples - windowSamples) / hopSamples;
    }

    /** The shape a network behind this front end takes. */
    public List<Integer> shape() {
        return List.of(1, frames(), melBands);
    }

    /** Structural problems of this front end as violations under {@code field}. */
    List<Violation> violations(String field, Integer sampleRate) {
        List<Violation> violations = new ArrayList<>();
        if (!LOG_MEL_V1.equals(id)) {
            violations.add(Violation.ofField(field + ".id", LOG_MEL_V1, id,
                    "Unknown audio front end; this server computes " + LOG_MEL_V1));
        }
        if (!Boolean.TRUE.equals(logScale)) {
            violations.add(Violation.ofField(field + ".logScale", "true", String.valueOf(logScale),
                    LOG_MEL_V1 + " computes log energies"));
        }
        if (sampleRate == null || sampleRate < 1_000 || sampleRate > 192_000) {
            violations.add(Violation.ofField("inputSpec.preprocessing.sampleRate",
                    "1000 to 192000", String.valueOf(sampleRate), "An audio front end needs the sample rate in Hz"));
        }
        if (windowSamples == null || windowSamples < 16 || windowSamples > 65_536) {
            violations.add(Violation.ofField(field + ".windowSamples", "16 to 65536",
                    String.valueOf(windowSamples), "The analysis window must be 16 to 65536 samples"));
        }
        if (hopSamples == null || hopSamples < 1 || (windowSamples != null && hopSamples > windowSamples)) {
            violations.add(Violation.ofField(field + ".hopSamples", "1 to windowSamples",
                    String.valueOf(hopSamples), "The hop must be at least 1 sample and at most one window"));
        }
        if (clipSamples == null || windowSamples == null || clipSamples < windowSamples
                || clipSamples > 60 * 192_000) {
            violations.add(Violation.ofField(field + ".clipSamples",
                    "windowSamples to 60 s of samples", String.valueOf(clipSamples),
                    "The clip must hold at least one window and at most 60 seconds"));
        }
        if (melBands == null || melBands < 1 || melBands > 512 || (windowSamples != null
                && melBands > windowSamples / 2)) {
            violations.add(Violation.ofField(field + ".melBands", "1 to 512 (and at most half"
                    + " a window)", String.valueOf(melBands), "Invalid number of mel bands"));
        }
        return violations;
    }
}
