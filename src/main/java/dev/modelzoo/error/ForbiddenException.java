package dev.modelzoo.error;

/** The caller is known but not allowed to do this (403). */
public class ForbiddenException extends ModelZooException {

    public ForbiddenException(String detail) {
        super(ProblemType.FORBIDDEN, detail);
    }
}
