package dev.modelzoo.client.view;

import java.util.List;

/** How the derived model was trained: the epoch rule, every stage, and a line per stage. */
public record TrainingReport(String epochRule, List<StageReport> stages, List<String> summary) {
}
