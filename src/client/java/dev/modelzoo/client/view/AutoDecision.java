package dev.modelzoo.client.view;

import java.util.List;

/** What AUTO tried and why it chose. */
public record AutoDecision(Strategy chosen, String rule, String explanation, List<StageReport> trials) {
}
