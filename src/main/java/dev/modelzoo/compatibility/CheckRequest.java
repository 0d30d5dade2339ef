package dev.modelzoo.compatibility;

import dev.modelzoo.spec.Strategy;

/**
 * One question for the checker: may {@code base} be fine-tuned on {@code data} with this strategy, and evaluated
 * on {@code testData} (null when there is no test dataset)?
 */
public record CheckRequest(BaseFacts base, DataFacts data, DataFacts testData, Strategy strategy,
        Integer freezeUpTo, boolean adapt) {

    public CheckRequest(BaseFacts base, DataFacts data, Strategy strategy, Integer freezeUpTo, boolean adapt) {
        this(base, data, null, strategy, freezeUpTo, adapt);
    }

    /** The same question about other data (the test dataset's input checks). */
    CheckRequest withData(DataFacts other) {
        return new CheckRequest(base, other, null, strategy, freezeUpTo, adapt);
    }
}
