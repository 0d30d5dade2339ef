package dev.modelzoo.error;

/** No valid bearer token (401). */
public class UnauthorizedException extends ModelZooException {

    public UnauthorizedException(String detail) {
        super(ProblemType.UNAUTHORIZED, detail);
    }
}
