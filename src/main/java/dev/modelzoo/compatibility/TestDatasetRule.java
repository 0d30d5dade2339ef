package dev.modelzoo.compatibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A test dataset must be fed to the base like the training data (the input rules apply to it too) and have the
 * training dataset's labels: the derived model can only be scored on the labels it learnt, and a label that is
 * missing from the test set leaves a hole in the per-class figures.
 */
final class TestDatasetRule implements CompatibilityRule {

    private final List<CompatibilityRule> inputRules;

    TestDatasetRule(List<CompatibilityRule> inputRules) {
        this.inputRules = inputRules;
    }

    @Override
    public String name() {
        return "testDataset";
    }

    @Override
    public List<Finding> check(CheckRequest request) {
        DataFacts test = request.testData();
        if (test == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (CompatibilityRule rule : inputRules) {
            for (Finding finding : rule.check(request.withData(test))) {
                findings.add(new Finding(name(), finding.severity(), "testDataset." + finding.field(),
                        finding.expected(), finding.actual(), "test dataset " + test.reference() + ": "
                        + finding.message(), finding.suggestion()));
            }
        }
        if (request.data().hasLabels() && test.hasLabels()) {
            Set<String> trained = new HashSet<>(request.data().labels());
            Set<String> tested = new HashSet<>(test.labels());
            if (!trained.equals(tested)) {
                Set<String> missing = new HashSet<>(trained);
                missing.removeAll(tested);
                Set<String> extra = new HashSet<>(tested);
                extra.removeAll(trained);
                findings.add(Finding.error(name(), "testDataset.labels", request.data().labels(), test.labels(),
                        "the test dataset must have the training dataset's labels" + (extra.isEmpty() ? ""
                                : "; labels the model would never predict: " + extra) + (missing.isEmpty() ? ""
                                : "; labels never tested: " + missing),
                        "Use a test dataset with exactly the labels " + request.data().labels()));
            }
        }
        return findings;
    }
}
