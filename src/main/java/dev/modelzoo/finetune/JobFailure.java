package dev.modelzoo.finetune;

/** A job cannot go on; the code and message end up on the FAILED job. */
class JobFailure extends RuntimeException {

    private final ErrorCode code;

    JobFailure(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
