package dev.modelzoo.recommendation;

/** A base that is not in the ranking, and why: incompatible (the checker's reason and suggestion) or not scored. */
public record ConsideredBase(String base, String reason, String suggestion) {
}
