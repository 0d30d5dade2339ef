package dev.modelzoo.compatibility;

import java.util.List;

/**
 * One compatibility rule. Implementations are small and independent: each looks at one aspect of the pair and
 * returns every violation it finds (an empty list when the aspect is fine), each ERROR with a suggestion.
 */
public interface CompatibilityRule {

    /** The rule's name as reported in violations, e.g. {@code modality}. */
    String name();

    List<Finding> check(CheckRequest request);
}
