package dev.modelzoo.catalog;

/** How a version was derived from its parent. */
public enum LineageRelation {
    /** Only the new output layer was trained; every other layer is the parent's, frozen (option 1). */
    HEAD_ONLY,
    /** The convolutional feature stack was frozen; dense layers and the new output layer were trained. */
    FREEZE_FEATURES,
    /** All layers were trained, starting from the parent's values (option 2). */
    FULL,
    /** Layers up to an index were frozen, the rest trained. */
    FREEZE_UP_TO,
    /** Derived some other way, declared by the publisher. */
    DERIVED
}
