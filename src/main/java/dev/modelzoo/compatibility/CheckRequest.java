package dev.modelzoo.compatibility;

import dev.modelzoo.spec.Strategy;

/** One question for the checker: may {@code base} be fine-tuned on {@code data} with this strategy? */
public record CheckRequest(BaseFacts base, DataFacts data, Strategy strategy, Integer freezeUpTo, boolean adapt) {
}
