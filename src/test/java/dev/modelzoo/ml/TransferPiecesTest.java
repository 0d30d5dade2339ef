package dev.modelzoo.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modelzoo.ml.text.HashedNgramTokenizer;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The plain-Java pieces of a fine-tune: the split, the image adapter, the tokenizer. */
class TransferPiecesTest {

    @Test
    void splitIsStratifiedSeededAndDisjoint() {
        int[] labels = IntStream.range(0, 100).map(i -> i < 60 ? 0 : i < 90 ? 1 : 2).toArray();
        Split split = Split.stratified(labels, 3, 0.2, 7);

        assertThat(split.validation()).hasSize(12 + 6 + 2);
        assertThat(Arrays.stream(split.validation()).map(i -> labels[i]).filter(l -> l == 2).count()).isEqualTo(2);
        assertThat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).sorted()
                .toArray()).isEqualTo(IntStream.range(0, 100).toArray());
        assertThat(Split.stratified(labels, 3, 0.2, 7).validation()).isEqualTo(split.validation());
        assertThat(Split.stratified(labels, 3, 0.2, 8).validation()).isNotEqualTo(split.validation());
        assertThat(Split.stratified(new int[] {0, 1}, 2, 0.2, 1).validation()).isEmpty();
    }

    @Test
    void adapterConvertsChannelsAndResizes() {
        // a 2x2 RGB image: pure red, green, blue and white pixels
        float[] rgb = {1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1};
        float[] gray = new ImageAdapter(3, 2, 2, 1, 2, 2).apply(rgb);
        assertThat(gray).containsExactly(1 / 3f, 1 / 3f, 1 / 3f, 1f);

        float[] repeated = new ImageAdapter(1, 2, 2, 3, 2, 2).apply(new float[] {0.1f, 0.2f, 0.3f, 0.4f});
        assertThat(repeated).containsExactly(0.1f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f, 0.1f, 0.2f, 0.3f, 0.4f);

        float[] constant = new float[32 * 32];
        Arrays.fill(constant, 0.5f);
        float[] resized = new ImageAdapter(1, 32, 32, 1, 28, 28).apply(constant);
        assertThat(resized).hasSize(28 * 28);
        for (float value : resized) {
            assertThat(value).isCloseTo(0.5f, within(1e-6f));
        }
        assertThat(new ImageAdapter(3, 32, 32, 1, 28, 28).describe()).contains("RGB to grayscale");
    }

    @Test
    void tokenizerIsDeterministicNormalisedAndBounded() {
        HashedNgramTokenizer tokenizer = new HashedNgramTokenizer(64, 3);
        float[] vector = tokenizer.vectorize("The cat sat on the mat");

        assertThat(tokenizer.words("The cat sat on the mat")).containsExactly("the", "cat", "sat");
        assertThat(vector).hasSize(64).isEqualTo(tokenizer.vectorize("the CAT sat!"));
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        assertThat(norm).isCloseTo(1.0, within(1e-5));
        assertThat(tokenizer.vectorize("")).containsOnly(0f);
    }
}
