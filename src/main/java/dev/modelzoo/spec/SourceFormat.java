package dev.modelzoo.spec;

/** The format a version was uploaded in; anything but DL4J is converted to a DL4J network at publish time. */
public enum SourceFormat {
    /** A DL4J ModelSerializer zip: served as uploaded. */
    DL4J,
    /** A Keras 2 HDF5 file ({@code model.save("model.h5")}, Sequential or functional). */
    KERAS_H5,
    /** A TF.js layers model: a zip of {@code model.json} and its weight shards (float32 or quantized). */
    TFJS_LAYERS;

    /** The file name extension of an upload in this format. */
    public String extension() {
        return this == KERAS_H5 ? ".h5" : ".zip";
    }

    /** The media type of an upload in this format. */
    public String mediaType() {
        return this == KERAS_H5 ? "application/x-hdf5" : "application/zip";
    }
}
