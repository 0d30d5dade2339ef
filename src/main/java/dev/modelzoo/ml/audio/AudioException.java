package dev.modelzoo.ml.audio;

/** The bytes are not audio the front end can read; the message is meant for the uploader. */
public class AudioException extends RuntimeException {

    public AudioException(String message) {
        super(message);
    }
}
