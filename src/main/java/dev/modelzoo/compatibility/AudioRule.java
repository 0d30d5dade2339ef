package dev.modelzoo.compatibility;

import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.AudioFrontEnd;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Preprocessing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * WAV clips must be what the base's audio front end was pre-trained on: the same sample rate, and clips no longer
 * than its clip length (shorter ones are padded with silence, as in pre-training). With {@code adapt}, the job
 * resamples (band-limited) and trims instead, and says so in the recipe. A base without a front end cannot take
 * WAV clips at all. For a bare input spec, its sample rate and front end must be the base's.
 */
final class AudioRule implements CompatibilityRule {

    @Override
    public String name() {
        return "audio";
    }

    @Override
    public List<Finding> check(CheckRequest request) {
        var base = request.base().inputSpec();
        var data = request.data().inputSpec();
        if (base.modality() != Modality.AUDIO || data.modality() != Modality.AUDIO) {
            return List.of();
        }
        Preprocessing preprocessing = base.preprocessing();
        AudioFrontEnd frontEnd = preprocessing == null ? null : preprocessing.audio();
        Integer rate = preprocessing == null ? null : preprocessing.sampleRate();
        AudioFacts clips = request.data().audio();
        if (clips == null) {
            return declared(request, rate, frontEnd, data.preprocessing());
        }
        if (frontEnd == null || rate == null) {
            return List.of(Finding.error(name(), "frontEnd", "inputSpec.preprocessing.audio", "WAV clips",
                    request.base().reference() + " declares no audio front end (preprocessing.audio), so the server"
                            + " cannot compute its input from WAV clips", "Choose an AUDIO base with an audio front"
                            + " end (such as zoo/spoken-words-cnn), or send its input tensors to the predict API"));
        }
        List<Finding> findings = new ArrayList<>();
        String reference = request.base().reference();
        if (clips.sampleRate() != rate) {
            String message = reference + " hears " + rate + " Hz audio, the clips are sampled at "
                    + clips.sampleRate() + " Hz";
            if (request.adapt()) {
                findings.add(Finding.warning(name(), "sampleRate", rate, clips.sampleRate(), message + "; the job"
                        + " resamples them (band-limited)" + (clips.sampleRate() < rate ? ", so they carry nothing"
                        + " above " + clips.sampleRate() / 2 + " Hz" : ""), null));
            } else {
                findings.add(Finding.error(name(), "sampleRate", rate, clips.sampleRate(), message,
                        "Resample the clips to " + rate + " Hz, or set \"adapt\": true in the fine-tune request to"
                                + " let the job resample them"));
            }
        }
        double baseSeconds = frontEnd.clipSamples() / (double) rate;
        if (clips.longerThan(frontEnd.clipSamples(), rate)) {
            String message = String.format(Locale.ROOT, "%s hears clips of %.2f s, the longest clip is %.2f s",
                    reference, baseSeconds, clips.maxSeconds());
            String expected = String.format(Locale.ROOT, "<= %.2f s", baseSeconds);
            String actual = String.format(Locale.ROOT, "%.2f s", clips.maxSeconds());
            if (request.adapt()) {
                findings.add(Finding.warning(name(), "clipLength", expected, actual, message + "; the job keeps"
                        + " the first " + String.format(Locale.ROOT, "%.2f s", baseSeconds) + " of each clip", null));
            } else {
                findings.add(Finding.error(name(), "clipLength", expected, actual, message, String.format(Locale.ROOT,
                        "Cut the clips to at most %.2f s around the sound, or set \"adapt\": true to let the job keep"
                                + " the first %.2f s of each", baseSeconds, baseSeconds)));
            }
        }
        return findings;
    }

    /** A bare AUDIO input spec: its sample rate and front end, when it states them, must be the base's. */
    private List<Finding> declared(CheckRequest request, Integer rate, AudioFrontEnd frontEnd,
            Preprocessing actual) {
        List<Finding> findings = new ArrayList<>();
        if (actual == null) {
            return findings;
        }
        if (actual.sampleRate() != null && !actual.sampleRate().equals(rate)) {
            findings.add(Finding.error(name(), "sampleRate", rate, actual.sampleRate(), request.base().reference()
                    + " hears " + rate + " Hz audio, the data are at " + actual.sampleRate() + " Hz",
                    "Resample the audio to " + rate + " Hz before computing its features, or upload the WAV clips"
                            + " as a dataset and set \"adapt\": true"));
        }
        if (actual.audio() != null && !Objects.equals(actual.audio(), frontEnd)) {
            findings.add(Finding.error(name(), "frontEnd", frontEnd, actual.audio(), "the data's features were"
                    + " computed with another front end than the base's", "Compute the features with the base's"
                    + " preprocessing.audio, or upload the WAV clips as a dataset (the server computes them)"));
        }
        return findings;
    }
}
