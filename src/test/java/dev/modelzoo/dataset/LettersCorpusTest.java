package dev.modelzoo.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelzoo.dataset.source.ImageSet;
import dev.modelzoo.dataset.source.letters.FontCatalog;
import dev.modelzoo.dataset.source.letters.LetterClasses;
import dev.modelzoo.dataset.source.letters.LettersCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The letters corpus from real font files (Debian's fonts-dejavu-core, which .ci/run installs): font filtering,
 * the 37 classes, MNIST-like normalisation and determinism.
 */
class LettersCorpusTest {

    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    private static Path fonts;

    @BeforeAll
    static void fontDirectory() throws IOException {
        System.setProperty("java.awt.headless", "true");
        fonts = Files.createTempDirectory("fonts-");
        Path pkg = Files.createDirectories(fonts.resolve("fonts-dejavu-core"));
        Files.copy(DEJAVU.resolve("DejaVuSans.ttf"), pkg.resolve("DejaVuSans.ttf"));
        Files.copy(DEJAVU.resolve("DejaVuSerif.ttf"), pkg.resolve("DejaVuSerif.ttf"));
        Files.copy(DEJAVU.resolve("DejaVuSansMono.ttf"), pkg.resolve("DejaVuSansMono.ttf"));
        // the same font twice (another package ships it too), a symbol font by name, a broken file, non-Latin Noto
        Path other = Files.createDirectories(fonts.resolve("fonts-other"));
        Files.copy(DEJAVU.resolve("DejaVuSans.ttf"), other.resolve("Copy-Of-Sans.ttf"));
        Files.copy(DEJAVU.resolve("DejaVuSans.ttf"), other.resolve("OpenSymbol.ttf"));
        Files.copy(DEJAVU.resolve("DejaVuSans.ttf"), other.resolve("NotoSansArabic-Regular.ttf"));
        Files.write(other.resolve("Broken.otf"), new byte[] {0, 1, 0, 0, 42, 42, 42});
        Files.writeString(other.resolve("README.txt"), "not a font");
    }

    @Test
    void fontsAreFilteredForSymbolsScriptsBrokenFilesAndDuplicates() throws IOException {
        FontCatalog.Selection selection = FontCatalog.select(fonts);

        assertThat(selection.candidates()).isEqualTo(7);
        assertThat(selection.fonts()).extracting(FontCatalog.UsableFont::file).containsExactly(
                "fonts-dejavu-core/DejaVuSans.ttf", "fonts-dejavu-core/DejaVuSansMono.ttf",
                "fonts-dejavu-core/DejaVuSerif.ttf");
        assertThat(selection.dropped()).containsEntry(FontCatalog.Drop.DUPLICATE, 1)
                .containsEntry(FontCatalog.Drop.SYMBOL_BY_NAME, 1).containsEntry(FontCatalog.Drop.NON_LATIN_NOTO, 1)
                .containsEntry(FontCatalog.Drop.UNREADABLE, 1);
        assertThat(selection.fonts().get(0).sha256()).hasSize(64);
        assertThat(selection.digest()).isEqualTo(FontCatalog.select(fonts).digest());
    }

    @Test
    void imagesAreMnistLikeDeterministicAndNested() throws IOException {
        List<FontCatalog.UsableFont> usable = FontCatalog.select(fonts).fonts();
        ImageSet set = LettersCorpus.generate(usable, 0, 4, 7);

        assertThat(LetterClasses.NAMES).hasSize(37).startsWith("A", "B").endsWith("r", "t").doesNotContain("c", "0");
        assertThat(set.size()).isEqualTo(37 * 4);
        assertThat(set.labels()).startsWith(0, 0, 0, 0, 1).endsWith(36);
        for (float[] image : set.images()) {
            assertThat(image).hasSize(28 * 28);
            double ink = 0;
            double max = 0;
            for (float value : image) {
                assertThat(value).isBetween(0f, 1f);
                ink += value;
                max = Math.max(max, value);
            }
            assertThat(max).isGreaterThan(0.3);
            assertThat(ink).isGreaterThan(10);
            // MNIST's normalisation: the longest side of the glyph's box is 20 px (its bright core a little less)
            assertThat(longestSide(image, 0.5f)).isBetween(12, 21);
        }
        ImageSet again = LettersCorpus.generate(usable, 0, 4, 7);
        assertThat(again.images()).isDeepEqualTo(set.images());
        // image i of a class depends only on (seed, class, i): a larger corpus starts with the same images
        ImageSet larger = LettersCorpus.generate(usable, 0, 6, 7);
        assertThat(larger.images()[6]).isEqualTo(set.images()[4]);
        assertThat(LettersCorpus.generate(usable, 0, 4, 8).images()[0]).isNotEqualTo(set.images()[0]);
        // the held-out part (images 4..5) differs from the training part
        ImageSet heldOut = LettersCorpus.generate(usable, 4, 6, 7);
        assertThat(heldOut.images()[0]).isEqualTo(larger.images()[4]);
        assertThat(Arrays.equals(heldOut.images()[0], set.images()[0])).isFalse();
    }

    /** The longest side of the box around the pixels brighter than {@code threshold} in a 28x28 image. */
    private static int longestSide(float[] image, float threshold) {
        int minX = 28;
        int minY = 28;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < image.length; i++) {
            if (image[i] > threshold) {
                minX = Math.min(minX, i % 28);
                maxX = Math.max(maxX, i % 28);
                minY = Math.min(minY, i / 28);
                maxY = Math.max(maxY, i / 28);
            }
        }
        return Math.max(maxX - minX, maxY - minY) + 1;
    }
}
