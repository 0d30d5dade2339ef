package dev.modelzoo.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How raw input becomes the network's input: value range or mean/std normalisation, channel order, and for text
 * the tokenizer id and vocabulary size, for audio the sample rate and the front end that turns a WAV clip into the
 * network's input ({@link AudioFrontEnd}); for images the network's memory layout ({@link ImageLayout}; absent means
 * NCHW).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preprocessing(List<Double> range, List<Double> mean, List<Double> std, String channelOrder,
        String tokenizer, Integer vocabularySize, Integer sampleRate, ImageLayout layout, AudioFrontEnd audio) {

    public Preprocessing(List<Double> range, List<Double> mean, List<Double> std, String channelOrder,
            String tokenizer, Integer vocabularySize, Integer sampleRate) {
        this(range, mean, std, channelOrder, tokenizer, vocabularySize, sampleRate, null, null);
    }

    public Preprocessing(List<Double> range, List<Double> mean, List<Double> std, String channelOrder,
            String tokenizer, Integer vocabularySize, Integer sampleRate, ImageLayout layout) {
        this(range, mean, std, channelOrder, tokenizer, vocabularySize, sampleRate, layout, null);
    }

    /** Audio at {@code sampleRate} through {@code frontEnd}. */
    public static Preprocessing forAudio(int sampleRate, AudioFrontEnd frontEnd) {
        return new Preprocessing(null, null, null, null, null, null, sampleRate, null, frontEnd);
    }

    /** The same preprocessing with this layout. */
    public Preprocessing withLayout(ImageLayout layout) {
        return new Preprocessing(range, mean, std, channelOrder, tokenizer, vocabularySize, sampleRate, layout, audio);
    }

    /** Whether the network takes its images channels-last. */
    public boolean channelsLast() {
        return layout == ImageLayout.NHWC;
    }

    /** The same preprocessing without a value range. */
    public Preprocessing withoutRange() {
        return new Preprocessing(null, mean, std, channelOrder, tokenizer, vocabularySize, sampleRate, layout, audio);
    }

    /** Images or features scaled to [0, 1]. */
    public static Preprocessing unitRange() {
        return new Preprocessing(List.of(0.0, 1.0), null, null, null, null, null, null);
    }
}
