package dev.modelzoo.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelzoo.dataset.source.FortunesReader;
import dev.modelzoo.dataset.source.IdxReader;
import dev.modelzoo.dataset.source.MnistDigitsReader;
import dev.modelzoo.dataset.source.ReferenceData;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers of the real source formats (IDX, mnist JSON, fortune files) on small fixtures. */
class SourceReadersTest {

    @TempDir
    Path dir;

    @Test
    void readsGzippedIdxImagesAndLabels() throws IOException {
        Path images = dir.resolve("images.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x00000803);
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(3);
            out.write(new byte[] {0, (byte) 255, 51, 0, 0, 0, 1, 2, 3, 4, 5, (byte) 128});
        }
        Path labels = dir.resolve("labels");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x00000801);
            out.writeInt(2);
            out.write(new byte[] {7, 9});
        }

        float[][] read = IdxReader.images(images);

        assertThat(read).hasDimensions(2, 6);
        assertThat(read[0][1]).isEqualTo(1f);
        assertThat(read[0][2]).isEqualTo(0.2f);
        assertThat(read[1][5]).isEqualTo(128 / 255f);
        assertThat(IdxReader.imageSize(images)).containsExactly(2, 3);
        assertThat(IdxReader.labels(labels)).containsExactly(7, 9);
        assertThatThrownBy(() -> IdxReader.images(labels)).hasMessageContaining("not an IDX file of rank 3");
    }

    @Test
    void readsMnistDigitJsonInChunksOf784() throws IOException {
        StringBuilder json = new StringBuilder("{\"data\": [");
        for (int i = 0; i < 2 * 784; i++) {
            json.append(i == 0 ? "" : ",").append(i == 784 ? "0.5" : "0");
        }
        Path file = Files.writeString(dir.resolve("5.json"), json.append("]}").toString());

        float[][] digits = MnistDigitsReader.read(file);

        assertThat(digits).hasDimensions(2, 784);
        assertThat(digits[1][0]).isEqualTo(0.5f);
        Path ragged = Files.writeString(dir.resolve("bad.json"), "{\"data\": [0, 1, 2]}");
        assertThatThrownBy(() -> MnistDigitsReader.read(ragged)).hasMessageContaining("not a multiple of 784");
    }

    @Test
    void splitsFortunesOnPercentLines() throws IOException {
        Path file = dir.resolve("pets");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("A dog.\nTwo lines.\n%\nA cat.\n%\n%\nLast one\n".getBytes());
        }
        assertThat(FortunesReader.read(file)).containsExactly("A dog.\nTwo lines.", "A cat.", "Last one");
    }

    @Test
    void permutationsAreSeededAndComplete() {
        int[] first = ReferenceData.permutation(100, 7);
        assertThat(first).isEqualTo(ReferenceData.permutation(100, 7));
        assertThat(first).isNotEqualTo(ReferenceData.permutation(100, 8));
        assertThat(java.util.Arrays.stream(first).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 100).toArray());
    }
}
