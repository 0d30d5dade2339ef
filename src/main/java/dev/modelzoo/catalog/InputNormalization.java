package dev.modelzoo.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.spec.Preprocessing;
import java.util.List;

/** The mean/std normalisation of an input spec, as stored on the model row for SQL comparison (null: none). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputNormalization(List<Double> mean, List<Double> std) {

    /** The normalisation of {@code preprocessing}, or null when it has neither mean nor std. */
    public static InputNormalization of(Preprocessing preprocessing) {
        if (preprocessing == null || preprocessing.mean() == null && preprocessing.std() == null) {
            return null;
        }
        return new InputNormalization(preprocessing.mean(), preprocessing.std());
    }
}
