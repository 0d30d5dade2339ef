package dev.modelzoo.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One example for display: its label and either an image (PNG data URI), a text, or the values of a row; an audio
 * clip has its spectrogram as {@code image} and the sound as {@code audio} (a WAV data URI of its first seconds).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetExample(String label, String image, String text, float[] values, String audio) {

    public DatasetExample(String label, String image, String text, float[] values) {
        this(label, image, text, values, null);
    }
}
