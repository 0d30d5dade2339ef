package dev.modelzoo.spec;

/** What the audio front end does to a clip's log-mel values after computing them. */
public enum AudioNormalization {
    /** The log energies as they are. */
    NONE,
    /** Each clip standardised to mean 0 and variance 1 (which also makes the features indifferent to gain). */
    PER_CLIP
}
