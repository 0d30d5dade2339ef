package dev.modelzoo.dataset.source.speech;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The voices of the audio corpora. espeak-ng's English dialects are combined with its voice variants; every fifth
 * variant (by name) is held out of the spoken-words corpus and used only for the spoken-digits target task, whose
 * other half comes from flite's voices, a different synthesizer the base never heard.
 */
public record SpeechVoices(List<String> dialects, List<String> trainingVariants, List<String> heldOutVariants,
        List<String> fliteVoices) {

    /** English dialects of espeak-ng 1.51. */
    public static final List<String> ESPEAK_DIALECTS = List.of("en-us", "en-gb", "en-gb-scotland", "en-gb-x-gbclan",
            "en-gb-x-rp", "en-gb-x-gbcwmd", "en-029", "en-us-nyc");
    /** flite 2.2's general voices (kal at 8 kHz, the others at 16 kHz; awb_time only speaks times). */
    public static final List<String> FLITE_VOICES = List.of("kal", "kal16", "awb", "rms", "slt");

    /** The split of the installed espeak-ng's variants. */
    public static SpeechVoices installed() {
        List<String> variants = new ArrayList<>(Synthesizer.espeakVariants().stream()
                // "Mr serious" is listed by a file name with a space, which espeak-ng cannot be given back
                .filter(name -> name.matches("[A-Za-z0-9_-]+") && !name.equals("Mr")).toList());
        variants.sort(Comparator.comparing((String name) -> name.toLowerCase(java.util.Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));
        List<String> training = new ArrayList<>();
        List<String> heldOut = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            (i % 5 == 2 ? heldOut : training).add(variants.get(i));
        }
        return new SpeechVoices(ESPEAK_DIALECTS, List.copyOf(training), List.copyOf(heldOut), FLITE_VOICES);
    }
}
