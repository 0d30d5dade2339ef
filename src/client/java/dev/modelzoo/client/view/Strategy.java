package dev.modelzoo.client.view;

/** What a fine-tune trains of the base: see the server's README for what each freezes. */
public enum Strategy {
    /** Option 1: only the new output layer; everything else frozen. */
    HEAD_ONLY,
    /** The feature-extracting stack frozen; dense layers and the new output layer trained. */
    FREEZE_FEATURES,
    /** Option 2: every layer, starting from the pre-trained values. */
    FULL,
    /** Layers 0..freezeUpTo frozen. */
    FREEZE_UP_TO,
    /** Trials of HEAD_ONLY, FREEZE_FEATURES and FULL; the best on validation is kept. */
    AUTO
}
