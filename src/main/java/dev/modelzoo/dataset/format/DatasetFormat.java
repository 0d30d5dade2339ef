package dev.modelzoo.dataset.format;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file format of labelled data. {@link #read} streams every example to a consumer, validating as it goes, and
 * returns the shape of one example; any problem is a {@link DatasetFormatException} that says where.
 */
public interface DatasetFormat {

    /** Short id stored with the dataset, e.g. {@code image-folders-zip}. */
    String id();

    /**
     * Reads {@code file} and hands each example to {@code sink}.
     *
     * @return the shape of one example ({@code [channels, height, width]} for images, {@code [features]} for
     *     tables, {@code [words]} for texts: the largest number of words seen)
     */
    List<Integer> read(Path file, Limits limits, Consumer<Example> sink);
}
