package dev.modelzoo.dataset.format;

import dev.modelzoo.error.SafeText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * CSV with a header whose first column is {@code label}; every other column is a number. For TABULAR data the
 * shape is {@code [columns - 1]}; for IMAGE data the declared shape must multiply to the number of value columns
 * (pixels row-major, channel first).
 */
public final class CsvTable implements DatasetFormat {

    public static final String ID = "csv";

    private final List<Integer> declaredShape;

    /** @param declaredShape the example shape for images, or null for plain feature vectors */
    public CsvTable(List<Integer> declaredShape) {
        this.declaredShape = declaredShape;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Integer> read(Path file, Limits limits, Consumer<Example> sink) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new DatasetFormatException("line 1", "the CSV is empty; expected a header 'label,...'");
            }
            String[] columns = split(stripBom(header));
            if (!columns[0].trim().equalsIgnoreCase("label")) {
                throw new DatasetFormatException("line 1", "the first column must be 'label', found '"
                        + columns[0].trim() + "'");
            }
            int values = columns.length - 1;
            if (values < 1) {
                throw new DatasetFormatException("line 1", "no value columns after 'label'");
            }
            if (declaredShape != null && declaredShape.stream().mapToLong(Integer::longValue)
                    .reduce(1, (a, b) -> a * b) != values) {
                throw new DatasetFormatException("line 1", values + " value columns do not fit the declared shape "
                        + declaredShape);
            }
            int lineNumber = 1;
            int rows = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (++rows > limits.maxEntries()) {
                    throw new DatasetFormatException("line " + lineNumber, "more than " + limits.maxEntries()
                            + " rows");
                }
                sink.accept(row(split(line), values, lineNumber));
            }
            if (rows == 0) {
                throw new DatasetFormatException("line 2", "the CSV has a header but no rows");
            }
            return declaredShape != null ? declaredShape : List.of(values);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DatasetFormatException(null, "the CSV is not UTF-8 text");
        } catch (IOException e) {
            throw new DatasetFormatException(null, "the CSV cannot be read (" + SafeText.of(e.getMessage()) + ")");
        }
    }

    private static Example row(String[] cells, int values, int lineNumber) {
        if (cells.length != values + 1) {
            throw new DatasetFormatException("line " + lineNumber, "has " + cells.length + " columns, the header "
                    + (values + 1));
        }
        String label = cells[0].trim();
        if (label.isEmpty()) {
            throw new DatasetFormatException("line " + lineNumber, "the label is empty");
        }
        float[] row = new float[values];
        for (int i = 0; i < values; i++) {
            try {
                row[i] = Float.parseFloat(cells[i + 1].trim());
            } catch (NumberFormatException e) {
                throw new DatasetFormatException("line " + lineNumber + ", column " + (i + 2), "'"
                        + abbreviate(cells[i + 1].trim()) + "' is not a number");
            }
            if (!Float.isFinite(row[i])) {
                throw new DatasetFormatException("line " + lineNumber + ", column " + (i + 2), "is not finite");
            }
        }
        return Example.numeric(label, row);
    }

    private static String[] split(String line) {
        // plain comma-separated values: numbers and simple labels; quoted labels lose their quotes
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cells[i] = cell.substring(1, cell.length() - 1);
            }
        }
        return cells;
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
