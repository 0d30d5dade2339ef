package dev.modelzoo.dataset;

import dev.modelzoo.dataset.format.CsvTable;
import dev.modelzoo.dataset.format.DatasetFormat;
import dev.modelzoo.dataset.format.DatasetFormatException;
import dev.modelzoo.dataset.format.Example;
import dev.modelzoo.dataset.format.ImageFolderZip;
import dev.modelzoo.dataset.format.JsonLinesText;
import dev.modelzoo.dataset.format.Limits;
import dev.modelzoo.dataset.format.WavFolderZip;
import dev.modelzoo.error.ProblemType;
import dev.modelzoo.error.UnprocessableException;
import dev.modelzoo.error.Violation;
import dev.modelzoo.spec.ArchivePaths;
import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.Modality;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Picks the format of an uploaded file, reads it completely and describes it; bad data become a 422. */
public final class DatasetInspector {

    private DatasetInspector() {
    }

    /** The format a file of {@code modality} must have, from its first bytes. */
    public static DatasetFormat formatOf(Path file, Modality modality, List<Integer> declaredShape, Limits limits) {
        boolean zip = ArchivePaths.startsWithZipMagic(file);
        return switch (modality) {
            case IMAGE -> zip ? new ImageFolderZip() : csvWithShape(modality, declaredShape);
            case AUDIO -> {
                if (!zip) {
                    throw invalid(null, "AUDIO datasets are ZIP archives of class folders of WAV files"
                            + " (<label>/<clip>.wav)");
                }
                yield new WavFolderZip(limits.maxClipSeconds());
            }
            case TABULAR, TIME_SERIES -> {
                if (zip) {
                    throw invalid(null, modality + " datasets are CSV files with a 'label' column, not archives");
                }
                yield new CsvTable(modality == Modality.TIME_SERIES ? declaredShape : null);
            }
            case TEXT -> {
                if (zip) {
                    throw invalid(null, "TEXT datasets are JSON Lines of {\"text\", \"label\"}, not archives");
                }
                yield new JsonLinesText();
            }
        };
    }

    /** Reads the whole file, streaming each example to {@code sink}, and describes it. */
    public static DatasetDescription inspect(Path file, Modality modality, List<Integer> declaredShape, Limits limits,
            Consumer<Example> sink) {
        DatasetFormat format = formatOf(file, modality, declaredShape, limits);
        Map<String, Integer> counts = new TreeMap<>(DatasetInspector::naturalOrder);
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        List<Integer> shape;
        try {
            shape = format.read(file, limits, example -> {
                if (example.label().length() > 200) {
                    throw new DatasetFormatException(null, "label '" + example.label().substring(0, 40)
                            + "...' is longer than 200 characters");
                }
                if (example.label().chars().anyMatch(Character::isISOControl)) {
                    // NUL cannot be stored in PostgreSQL text, and no other control character makes a label
                    throw new DatasetFormatException(null, "a label contains a control character (such as NUL)");
                }
                counts.merge(example.label(), 1, Integer::sum);
                if (example.values() != null) {
                    for (float value : example.values()) {
                        range[0] = Math.min(range[0], value);
                        range[1] = Math.max(range[1], value);
                    }
                }
                sink.accept(example);
            });
        } catch (DatasetFormatException e) {
            throw invalid(e.location(), e.getMessage());
        }
        if (counts.size() < 2) {
            throw invalid(null, "the data have a single label " + counts.keySet() + "; a classifier needs at least"
                    + " two");
        }
        int count = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<Double> valueRange = range[0] <= range[1] ? List.of(range[0], range[1]) : null;
        AudioFacts audio = format instanceof WavFolderZip wav ? wav.facts() : null;
        return new DatasetDescription(format.id(), modality, shape, new ArrayList<>(counts.keySet()), count, counts,
                valueRange, audio);
    }

    private static DatasetFormat csvWithShape(Modality modality, List<Integer> declaredShape) {
        if (declaredShape == null || declaredShape.size() != 3) {
            throw invalid(null, modality + " data as CSV need \"shape\": [channels, height, width] in the metadata;"
                    + " or upload a ZIP of class folders of PNG/JPEG images");
        }
        return new CsvTable(declaredShape);
    }

    /** Numbers sort numerically ("2" before "10"), everything else alphabetically. */
    static int naturalOrder(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit) && a.length() < 10;
        boolean numericB = b.chars().allMatch(Character::isDigit) && b.length() < 10;
        if (numericA && numericB) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }

    static UnprocessableException invalid(String location, String message) {
        String detail = "The dataset is invalid: " + message;
        return new UnprocessableException(ProblemType.INVALID_DATASET, detail,
                List.of(Violation.ofField(location == null ? "file" : location, null, null, message)));
    }
}
