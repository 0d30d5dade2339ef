package dev.modelzoo.client.view;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Epochs per stage: a number, or {@code "auto"} (the server's budget rule with early stopping). */
public record Epochs(Integer count) {

    public static final Epochs AUTO = new Epochs(null);

    /** {@code "auto"} or a whole number. */
    @JsonCreator
    public static Epochs parse(Object value) {
        if (value == null || "auto".equals(String.valueOf(value))) {
            return AUTO;
        }
        return new Epochs(Integer.valueOf(String.valueOf(value)));
    }

    @JsonValue
    public Object json() {
        return count == null ? "auto" : count;
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
