package dev.modelzoo.dataset;

import static dev.modelzoo.testing.Fixtures.imageFolders;
import static dev.modelzoo.testing.Fixtures.png;
import static dev.modelzoo.testing.Fixtures.text;
import static dev.modelzoo.testing.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelzoo.dataset.format.Example;
import dev.modelzoo.dataset.format.Limits;
import dev.modelzoo.error.UnprocessableException;
import dev.modelzoo.spec.Modality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dataset formats on fixtures written by the test, including every kind of bad file. */
class DatasetFormatsTest {

    private static final Limits LIMITS = new Limits(8L * 1024 * 1024, 1000);

    @Test
    void describesAZipOfClassFolders() {
        List<Example> examples = new ArrayList<>();
        DatasetDescription description = DatasetInspector.inspect(imageFolders(6, false, 3, "cat", "dog", "10", "2"),
                Modality.IMAGE, null, LIMITS, examples::add);

        assertThat(description.format()).isEqualTo("image-folders-zip");
        assertThat(description.shape()).containsExactly(1, 6, 6);
        assertThat(description.labels()).containsExactly("2", "10", "cat", "dog");
        assertThat(description.count()).isEqualTo(12);
        assertThat(description.countsPerLabel()).containsEntry("cat", 3).containsEntry("10", 3);
        assertThat(examples).hasSize(12);
        assertThat(examples.get(0).values()).hasSize(36);
        for (float value : examples.get(0).values()) {
            assertThat(value).isBetween(0f, 1f);
        }
    }

    @Test
    void colourImagesHaveThreeChannelsAndATopFolderIsIgnored() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("photos/a/1.png", png(4, 5, true, 1));
        entries.put("photos/b/1.png", png(4, 5, true, 2));
        DatasetDescription description = DatasetInspector.inspect(zip(entries), Modality.IMAGE, null, LIMITS,
                e -> { });
        assertThat(description.shape()).containsExactly(3, 5, 4);
        assertThat(description.labels()).containsExactly("a", "b");
    }

    @Test
    void rejectsBadArchives() {
        assertInvalid(text(".bin", "just some text"), Modality.IMAGE, "need \"shape\"");
        assertInvalid(zip(Map.of("../evil.png", png(4, 4, false, 1), "a/1.png", png(4, 4, false, 1))),
                Modality.IMAGE, "unsafe path");
        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("a/1.png", png(4, 4, false, 1));
        mixed.put("b/2.png", png(5, 4, false, 2));
        assertInvalid(zip(mixed), Modality.IMAGE, "b/2.png: is 5x4 but a/1.png is 4x4");
        Map<String, byte[]> broken = new LinkedHashMap<>();
        broken.put("a/1.png", png(4, 4, false, 1));
        broken.put("b/2.png", "not an image".getBytes());
        assertInvalid(zip(broken), Modality.IMAGE, "b/2.png: cannot be decoded");
        assertInvalid(imageFolders(4, false, 3, "only"), Modality.IMAGE, "single label");
        Map<String, byte[]> empty = new LinkedHashMap<>();
        empty.put("a/1.png", png(4, 4, false, 1));
        empty.put("b/1.png", png(4, 4, false, 1));
        empty.put("c/", null);
        assertInvalid(zip(empty), Modality.IMAGE, "the label folder 'c' is empty");
        Map<String, byte[]> flat = new LinkedHashMap<>();
        flat.put("1.png", png(4, 4, false, 1));
        assertInvalid(zip(flat), Modality.IMAGE, "one folder per label");
    }

    @Test
    void stopsAZipBombWhileReading() {
        // 16 MiB of zeros compresses to a few KiB; the limit is 8 MiB of expanded bytes
        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("a/1.png", new byte[16 * 1024 * 1024]);
        Path file = zip(bomb);
        assertThat(file.toFile().length()).isLessThan(100_000);
        assertInvalid(file, Modality.IMAGE, "expands beyond the limit");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 1001; i++) {
            many.put("a/" + i + ".txt", new byte[0]);
        }
        assertInvalid(zip(many), Modality.IMAGE, "more than 1000 entries");
    }

    @Test
    void readsCsvTablesAndImagesAndRejectsBadRows() {
        DatasetDescription table = DatasetInspector.inspect(text(".csv", "label,x,y\na,1,2\nb,3.5,-1\na,0,0\n"),
                Modality.TABULAR, null, LIMITS, e -> { });
        assertThat(table.shape()).containsExactly(2);
        assertThat(table.countsPerLabel()).containsEntry("a", 2).containsEntry("b", 1);
        DatasetDescription images = DatasetInspector.inspect(text(".csv", "label,p1,p2,p3,p4\nx,0,1,0,1\ny,1,1,1,1\n"),
                Modality.IMAGE, List.of(1, 2, 2), LIMITS, e -> { });
        assertThat(images.shape()).containsExactly(1, 2, 2);

        assertInvalid(text(".csv", "label,x,y\na,1,2\nb,3\n"), Modality.TABULAR, "line 3: has 2 columns, the header 3");
        assertInvalid(text(".csv", "label,x\na,1\nb,abc\n"), Modality.TABULAR, "line 3, column 2: 'abc' is not a number");
        assertInvalid(text(".csv", "x,label\n1,a\n"), Modality.TABULAR, "first column must be 'label'");
        assertInvalid(text(".csv", "label,p1,p2\nx,0,1\n"), Modality.IMAGE, "need \"shape\"");
    }

    @Test
    void readsJsonLinesAndRejectsMissingFields() {
        DatasetDescription texts = DatasetInspector.inspect(text(".jsonl",
                "{\"text\": \"the cat sat\", \"label\": \"pets\"}\n\n{\"text\": \"stocks fell today again\","
                        + " \"label\": \"news\"}\n"), Modality.TEXT, null, LIMITS, e -> { });
        assertThat(texts.format()).isEqualTo("jsonl");
        assertThat(texts.shape()).containsExactly(4);
        assertThat(texts.labels()).containsExactly("news", "pets");

        assertInvalid(text(".jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\"}\n"), Modality.TEXT,
                "line 2: needs a non-empty string field \"label\"");
        assertInvalid(text(".jsonl", "{\"text\": \"a\", \"label\": \"x\"}\nnot json\n"), Modality.TEXT,
                "line 2: is not a JSON object");
    }

    private static void assertInvalid(Path file, Modality modality, String message) {
        assertThatThrownBy(() -> DatasetInspector.inspect(file, modality, null, LIMITS, e -> { }))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining(message);
    }
}
