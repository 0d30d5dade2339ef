package dev.modelzoo.finetune;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code epochs} hyperparameter: a number from 1 to 1000, or {@code "auto"} (enough epochs for the minimum
 * number of optimiser updates, with early stopping; see {@code TrainingBudget}).
 */
@Schema(description = "A number of epochs from 1 to 1000, or \"auto\"", oneOf = {Integer.class, String.class},
        example = "auto")
public record Epochs(Integer count) {

    public static final int MAX = 1000;
    public static final Epochs AUTO = new Epochs(null);

    public Epochs {
        if (count != null && (count < 1 || count > MAX)) {
            throw new IllegalArgumentException("epochs must be \"auto\" or a number from 1 to " + MAX + ", not "
                    + count);
        }
    }

    @JsonCreator
    public static Epochs of(Object value) {
        if (value instanceof Number number) {
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new IllegalArgumentException("epochs must be a whole number or \"auto\", not " + value);
            }
            return new Epochs(number.intValue());
        }
        if (value instanceof String text && text.trim().toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        throw new IllegalArgumentException("epochs must be \"auto\" or a number from 1 to " + MAX + ", not "
                + (value instanceof String ? "\"" + value + "\"" : String.valueOf(value)));
    }

    public boolean auto() {
        return count == null;
    }

    @JsonValue
    public Object json() {
        return count == null ? "auto" : count;
    }
}
