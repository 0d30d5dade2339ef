package dev.modelzoo.compatibility;

/** How serious a violation is. */
public enum Severity {
    /** The pair cannot be fine-tuned as requested. */
    ERROR,
    /** It can, but the result may disappoint (e.g. very few examples per class). */
    WARNING
}
