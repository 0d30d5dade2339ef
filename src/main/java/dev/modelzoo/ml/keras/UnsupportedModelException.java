package dev.modelzoo.ml.keras;

import dev.modelzoo.ml.ArtifactException;

/** The file is a Keras or TF.js model, but one the importer cannot convert (a layer type, a Keras version). */
public class UnsupportedModelException extends ArtifactException {

    public UnsupportedModelException(String message) {
        super(message);
    }

    public UnsupportedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
