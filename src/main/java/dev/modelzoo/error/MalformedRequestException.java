package dev.modelzoo.error;

/** The request cannot be parsed: unreadable JSON, a missing part or header (400). */
public class MalformedRequestException extends ModelZooException {

    public MalformedRequestException(String detail) {
        super(ProblemType.MALFORMED_REQUEST, detail);
    }
}
