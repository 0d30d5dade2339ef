package dev.modelzoo.client.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A compatibility question: a base against a stored dataset or a bare input spec; FREEZE_UP_TO's layer by index
 * ({@code freezeUpTo}) or by name ({@code freezeUpToLayer}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompatibilityQuery(String base, String dataset, InputSpec inputSpec, String testDataset,
        Strategy strategy, Integer freezeUpTo, boolean adapt, String freezeUpToLayer) {

    /** The base against a dataset, with the default strategy. */
    public static CompatibilityQuery of(String base, String dataset) {
        return new CompatibilityQuery(base, dataset, null, null, null, null, false, null);
    }
}
