package dev.modelzoo.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One example for display: its label and either an image (PNG data URI), a text, or the values of a row. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetExample(String label, String image, String text, float[] values) {
}
