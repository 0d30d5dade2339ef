package dev.modelzoo.ml;

/** The bytes are not a network DL4J can load; the message is meant for the uploader. */
public class ArtifactException extends RuntimeException {

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
