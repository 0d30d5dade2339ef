package dev.modelzoo.compatibility;

import java.util.List;

/**
 * The checker's answer: {@code compatible} when no ERROR was found; every violation with its suggestion; the
 * suggestions again as a list; and, for an incompatible pair with a dataset, the catalog's bases that would fit.
 */
public record CompatibilityReport(boolean compatible, String base, String dataset, List<Finding> violations,
        List<String> suggestions, List<String> compatibleBases) {
}
