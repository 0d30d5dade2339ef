package dev.modelzoo.error;

/** An upload exceeds the configured limit (413). */
public class PayloadTooLargeException extends ModelZooException {

    public PayloadTooLargeException(long limitBytes) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "The upload exceeds the limit of " + limitBytes
                + " bytes (modelzoo.upload.max-size)");
    }
}
