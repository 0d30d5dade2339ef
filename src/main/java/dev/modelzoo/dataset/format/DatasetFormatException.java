package dev.modelzoo.dataset.format;

/** The uploaded data are unreadable or inconsistent; {@code location} names the file or line. */
public class DatasetFormatException extends RuntimeException {

    private final String location;

    public DatasetFormatException(String location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
