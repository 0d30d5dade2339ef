package dev.modelzoo.compatibility;

import java.util.ArrayList;
import java.util.List;

/** Runs every rule over a pair and collects the findings; plain Java, so the rule table is tested without a server. */
public final class CompatibilityChecker {

    /** Fewer examples of a label than this is a warning. */
    public static final int DEFAULT_MIN_PER_CLASS = 5;

    private final List<CompatibilityRule> rules;

    public CompatibilityChecker(int minPerClass) {
        List<CompatibilityRule> inputRules = List.of(new ModalityRule(), new ShapeRule(), new PreprocessingRule(),
                new AudioRule());
        this.rules = List.of(inputRules.get(0), inputRules.get(1), inputRules.get(2), inputRules.get(3),
                new LabelsRule(minPerClass),
                new StrategyRule(), new TestDatasetRule(inputRules));
    }

    public List<Finding> check(CheckRequest request) {
        List<Finding> findings = new ArrayList<>();
        for (CompatibilityRule rule : rules) {
            findings.addAll(rule.check(request));
        }
        return findings;
    }

    /** Whether nothing of ERROR severity was found. */
    public static boolean compatible(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
