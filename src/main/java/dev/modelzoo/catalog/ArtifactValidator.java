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
import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.Task;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads an uploaded artifact with DL4J, reads its real architecture and checks that the declared input and output
 * specs are what the network actually takes and produces.
 */
@ApplicationScoped
public class ArtifactValidator {

    private static final Logger LOG = Logger.getLogger(ArtifactValidator.class);
    /** A network's parameters expand at most a few times beyond its compressed size; more is a zip bomb. */
    private static final long EXPANSION_LIMIT = 4L * 1024 * 1024 * 1024;

    /** The architecture of a valid artifact; a 422 with violations otherwise. */
    public Architecture validate(Path artifact, InputSpec inputSpec, OutputSpec outputSpec) {
        LoadedNetwork network = load(artifact);
        NetworkSummary summary;
        try {
            summary = NetworkInspector.summarize(network);
        } catch (ArtifactException e) {
            throw new UnprocessableException(ProblemType.INVALID_ARTIFACT, e.getMessage());
        }
        List<Violation> violations = new ArrayList<>();
        for (ShapeProblem problem : inputProblems(network, inputSpec)) {
            violations.add(Violation.ofField("inputSpec." + problem.dimension(), problem.expected(), problem.actual(),
                    problem.message()));
        }
        violations.addAll(outputViolations(summary, outputSpec));
        if (!violations.isEmpty()) {
            throw new UnprocessableException(ProblemType.SPEC_MISMATCH, "The declared spec contradicts the network: "
                    + violations.get(0).message(), violations);
        }
        return Architecture.of(summary);
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
