package dev.modelzoo.client.view;

/**
 * The format a version was published in (DL4J, KERAS_H5 or TFJS_LAYERS); for an imported version also the
 * converter, the Keras version, and the original upload's digest, size and URL.
 */
public record Source(String format, String converter, String kerasVersion, String sha256, Long sizeBytes,
        String url) {

    /** Whether the version was converted from a Keras or TF.js upload (which can be downloaded as published). */
    public boolean imported() {
        return url != null;
    }
}
