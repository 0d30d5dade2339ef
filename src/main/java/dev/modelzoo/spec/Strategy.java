package dev.modelzoo.spec;

/** How a fine-tune treats the pre-trained layers; the output layer is always replaced for the new labels. */
public enum Strategy {
    /** Option 1: every layer but the new output layer is frozen. */
    HEAD_ONLY,
    /** Option 2: all layers are trained, starting from the pre-trained values. */
    FULL,
    /** Layers 0..freezeUpTo are frozen, the rest trained. */
    FREEZE_UP_TO,
    /** Short trials of HEAD_ONLY and FULL on the validation split decide. */
    AUTO
}
