package dev.modelzoo.error;

/** A byte range outside the object (416); the size is reported in {@code Content-Range}. */
public class RangeNotSatisfiableException extends ModelZooException {

    private final long size;

    public RangeNotSatisfiableException(String range, long size) {
        super(ProblemType.RANGE_NOT_SATISFIABLE, "Range '" + range + "' is outside the artifact of " + size + " bytes");
        this.size = size;
    }

    public long size() {
        return size;
    }
}
