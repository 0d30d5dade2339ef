package dev.modelzoo.catalog;

import dev.modelzoo.error.ProblemType;
import dev.modelzoo.error.UnprocessableException;
import dev.modelzoo.error.Violation;
import dev.modelzoo.ml.keras.KerasImport;
import dev.modelzoo.spec.ArchivePaths;
import dev.modelzoo.spec.SourceFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** Tells the format of an uploaded model from its bytes, and checks it against a declared {@code format}. */
final class ArtifactFormats {

    static final String ACCEPTED = "a DL4J ModelSerializer zip, a Keras 2 HDF5 file (.h5) or a TF.js layers model"
            + " (a zip of model.json and its weight shards)";

    private ArtifactFormats() {
    }

    /** The upload's format; a 422 that lists the accepted formats for anything else. */
    static SourceFormat detect(Path upload, SourceFormat declared) {
        SourceFormat detected = sniff(upload);
        if (declared != null && declared != detected) {
            throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, "The metadata declares format "
                    + declared + " but the upload is " + describe(detected), java.util.List.of(
                            Violation.ofField("format", declared.name(), detected.name(),
                                    "the upload's content is " + describe(detected))));
        }
        return detected;
    }

    private static SourceFormat sniff(Path upload) {
        if (KerasImport.isHdf5(upload)) {
            return SourceFormat.KERAS_H5;
        }
        if (!ArchivePaths.startsWithZipMagic(upload)) {
            throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, "The upload is neither a zip nor an HDF5"
                    + " file; accepted formats: " + ACCEPTED);
        }
        try (ZipFile zip = new ZipFile(upload.toFile())) {
            if (zip.getEntry("configuration.json") != null || zip.getEntry("coefficients.bin") != null) {
                return SourceFormat.DL4J;
            }
            if (zip.getEntry("config.json") != null && zip.getEntry("model.weights.h5") != null) {
                throw new UnprocessableException(ProblemType.UNSUPPORTED_MODEL, "The zip is a Keras 3 .keras"
                        + " archive, which cannot be imported; save the model as a Keras 2 HDF5 file (tf.keras 2.x:"
                        + " model.save(\"model.h5\")) or as a TF.js layers model");
            }
        } catch (IOException e) {
            throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, "The upload is not a readable zip"
                    + " archive; accepted formats: " + ACCEPTED);
        }
        if (KerasImport.isTfjsZip(upload)) {
            return SourceFormat.TFJS_LAYERS;
        }
        throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, "The zip holds neither a DL4J model"
                + " (configuration.json, coefficients.bin) nor a TF.js model.json; accepted formats: " + ACCEPTED);
    }

    private static String describe(SourceFormat format) {
        return switch (format) {
            case DL4J -> "a DL4J ModelSerializer zip";
            case KERAS_H5 -> "a Keras HDF5 file";
            case TFJS_LAYERS -> "a TF.js layers model";
        };
    }
}
