package dev.modelzoo.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How raw input becomes the network's input: value range or mean/std normalisation, channel order, and for text
 * the tokenizer id and vocabulary size, for audio the sample rate; for images the network's memory layout
 * ({@link ImageLayout}; absent means NCHW).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preprocessing(List<Double> range, List<Double> mean, List<Double> std, String channelOrder,
        String tokenizer, Integer vocabularySize, Integer sampleRate, ImageLayout layout) {

    public Preprocessing(List<Double> range, List<Double> mean, List<Double> std, String channelOrder,
            String tokenizer, Integer vocabularySize, Integer sampleRate) {
        this(range, mean, std, channelOrder, tokenizer, vocabularySize, sampleRate, null);
    }

    /** The same preprocessing with this layout. */
    public Preprocessing withLayout(ImageLayout layout) {
        return new Preprocessing(range, mean, std, channelOrder, tokenizer, vocabularySize, sampleRate, layout);
    }

    /** Whether the network takes its images channels-last. */
    public boolean channelsLast() {
        return layout == ImageLayout.NHWC;
    }

    /** The same preprocessing without a value range. */
    public Preprocessing withoutRange() {
        return new Preprocessing(null, mean, std, channelOrder, tokenizer, vocabularySize, sampleRate, layout);
    }

    /** Images or features scaled to [0, 1]. */
    public static Preprocessing unitRange() {
        return new Preprocessing(List.of(0.0, 1.0), null, null, null, null, null, null);
    }
}
