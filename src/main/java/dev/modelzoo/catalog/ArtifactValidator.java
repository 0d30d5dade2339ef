package dev.modelzoo.catalog;

import dev.modelzoo.error.ProblemType;
import dev.modelzoo.error.UnprocessableException;
import dev.modelzoo.error.Violation;
import dev.modelzoo.ml.ArtifactException;
import dev.modelzoo.ml.InputCheck;
import dev.modelzoo.ml.LoadedNetwork;
import dev.modelzoo.ml.NetworkInspector;
import dev.modelzoo.ml.NetworkLoader;
import dev.modelzoo.ml.NetworkSummary;
import dev.modelzoo.ml.ShapeProblem;
import dev.modelzoo.ml.keras.KerasImport;
import dev.modelzoo.ml.keras.UnsupportedModelException;
import dev.modelzoo.spec.ImageLayout;
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Preprocessing;
import dev.modelzoo.spec.SourceFormat;
import dev.modelzoo.spec.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns an upload into a DL4J network (loading a DL4J zip, converting Keras and TF.js models), reads its real
 * architecture and checks that the declared input and output specs are what the network actually takes and
 * produces.
 */
@ApplicationScoped
public class ArtifactValidator {

    private static final Logger LOG = Logger.getLogger(ArtifactValidator.class);
    /** A network's parameters expand at most a few times beyond its compressed size; more is a zip bomb. */
    private static final long EXPANSION_LIMIT = 4L * 1024 * 1024 * 1024;

    /** What validation established: the architecture, and the input spec with the network's layout filled in. */
    public record Validated(Architecture architecture, InputSpec inputSpec) {
    }

    /**
     * Detects the upload's format and turns it into a DL4J network: a DL4J zip is loaded as it is, a Keras HDF5
     * file or TF.js model is converted and saved as a DL4J zip; a 422 that says why for anything else.
     */
    public PreparedArtifact prepare(Path upload, SourceFormat declared) {
        SourceFormat format = ArtifactFormats.detect(upload, declared);
        if (format == SourceFormat.DL4J) {
            return new PreparedArtifact(format, load(upload), upload, null);
        }
        KerasImport.Imported imported;
        try {
            imported = format == SourceFormat.KERAS_H5 ? KerasImport.fromHdf5(upload)
                    : KerasImport.fromTfjs(upload, weightLimit());
        } catch (UnsupportedModelException e) {
            LOG.debugf(e, "Unsupported import");
            throw new UnprocessableException(ProblemType.UNSUPPORTED_MODEL, e.getMessage());
        } catch (ArtifactException e) {
            LOG.debugf(e, "Rejected import");
            throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, e.getMessage());
        }
        try {
            Path converted = Files.createTempFile("modelzoo-import-", ".zip");
            NetworkLoader.save(imported.network(), converted);
            return new PreparedArtifact(format, imported.network(), converted, imported.kerasVersion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TF.js weights are read into the heap (then off-heap as parameters): at most a quarter of it. */
    private static long weightLimit() {
        return Math.min(EXPANSION_LIMIT, Runtime.getRuntime().maxMemory() / 4);
    }

    /** The architecture of a valid network; a 422 with violations otherwise. */
    public Validated validate(LoadedNetwork network, InputSpec declared, OutputSpec outputSpec) {
        NetworkSummary summary;
        try {
            summary = NetworkInspector.summarize(network);
        } catch (ArtifactException e) {
            throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, e.getMessage());
        }
        List<Violation> violations = new ArrayList<>();
        InputSpec inputSpec = withLayout(declared, network, violations);
        for (ShapeProblem problem : inputProblems(network, inputSpec)) {
            violations.add(Violation.ofField("inputSpec." + problem.dimension(), problem.expected(), problem.actual(),
                    problem.message()));
        }
        violations.addAll(outputViolations(summary, outputSpec));
        if (!violations.isEmpty()) {
            throw new UnprocessableException(ProblemType.SPEC_MISMATCH, "The declared spec contradicts the network: "
                    + violations.get(0).message(), violations);
        }
        return new Validated(Architecture.of(summary), inputSpec);
    }

    /**
     * The spec with the network's image layout: filled in when the publisher left it out (the registry's shape
     * stays [channels, height, width]), a violation when the declared one contradicts the network.
     */
    private static InputSpec withLayout(InputSpec spec, LoadedNetwork network, List<Violation> violations) {
        if (spec.modality() != Modality.IMAGE && spec.modality() != Modality.AUDIO) {
            return spec;
        }
        ImageLayout actual = network.channelsLast() ? ImageLayout.NHWC : ImageLayout.NCHW;
        Preprocessing preprocessing = spec.preprocessing();
        ImageLayout declared = preprocessing == null ? null : preprocessing.layout();
        if (declared != null && declared != actual) {
            violations.add(Violation.ofField("inputSpec.preprocessing.layout", actual.name(), declared.name(),
                    "the network's convolutions take " + actual + " input, the spec declares " + declared));
            return spec;
        }
        if (actual == ImageLayout.NCHW) {
            return spec;
        }
        Preprocessing filled = preprocessing == null
                ? new Preprocessing(null, null, null, null, null, null, null, actual)
                : preprocessing.withLayout(actual);
        return new InputSpec(spec.modality(), spec.shape(), spec.dtype(), filled);
    }

    /** Loads the artifact, mapping every failure to a 422 that says what is wrong with the bytes. */
    public LoadedNetwork load(Path artifact) {
        try {
            return NetworkLoader.load(artifact, EXPANSION_LIMIT);
        } catch (ArtifactException e) {
            LOG.debugf(e, "Rejected artifact");
            throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, e.getMessage());
        }
    }

    private static List<ShapeProblem> inputProblems(LoadedNetwork network, InputSpec spec) {
        List<Integer> shape = spec.shape();
        return switch (spec.modality()) {
            case IMAGE, AUDIO -> InputCheck.image(network, shape.get(0), shape.get(1), shape.get(2));
            case TABULAR -> InputCheck.vector(network, shape.get(0));
            case TIME_SERIES -> InputCheck.sequence(network, shape.get(0), shape.get(1));
            case TEXT -> InputCheck.tokens(network, shape.get(0), spec.preprocessing().vocabularySize());
        };
    }

    private static List<Violation> outputViolations(NetworkSummary summary, OutputSpec spec) {
        int labels = spec.labels().size();
        boolean needsMatch = spec.task() == Task.CLASSIFICATION || labels > 0;
        if (needsMatch && labels != summary.outputSize()) {
            return List.of(Violation.ofField("outputSpec.labels", summary.outputSize() + " labels",
                    labels + " labels", "the output layer has " + summary.outputSize() + " units but "
                            + labels + " labels are declared"));
        }
        return List.of();
    }
}
