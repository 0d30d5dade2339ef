package dev.modelzoo.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.ml.Wilson;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A measured value on a named split, e.g. accuracy 0.896 on test; {@code count} is the number of examples it was
 * measured on and {@code interval} its 95% interval ([low, high]; Wilson for accuracies), both optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(@NotBlank @Size(max = 64) String name, double value, @Size(max = 64) String split,
        @Min(0) Integer count, @Size(min = 2, max = 2) List<Double> interval) {

    public Metric(String name, double value, String split) {
        this(name, value, split, null, null);
    }

    /** An accuracy with its example count and 95% Wilson interval, rounded to 4 digits. */
    public static Metric accuracy(String name, double accuracy, String split, int count) {
        Wilson interval = Wilson.ofAccuracy(accuracy, count);
        return new Metric(name, round(accuracy), split, count, List.of(round(interval.low()), round(interval.high())));
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : 0;
    }
}
