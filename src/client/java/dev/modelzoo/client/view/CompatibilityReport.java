package dev.modelzoo.client.view;

import java.util.List;

/** The checker's answer: compatible when no ERROR was found, every finding, and the bases that would fit. */
public record CompatibilityReport(boolean compatible, String base, String dataset, List<Finding> violations,
        List<String> suggestions, List<String> compatibleBases) {
}
