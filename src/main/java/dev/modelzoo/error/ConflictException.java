package dev.modelzoo.error;

/** The resource exists already or changed concurrently (409). */
public class ConflictException extends ModelZooException {

    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, detail);
    }
}
