package dev.modelzoo.finetune.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.modelzoo.spec.Strategy;
import java.util.List;

/**
 * What AUTO tried and why it chose: every trial (a stage of gradual unfreezing) with its validation figures, the
 * rule, and the explanation in words.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AutoDecision(Strategy chosen, String rule, String explanation, List<StageReport> trials) {
}
