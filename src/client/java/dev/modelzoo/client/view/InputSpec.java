package dev.modelzoo.client.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a network takes: modality, shape ({@code [channels, height, width]} for images), dtype, and the
 * preprocessing as the server states it (value range, mean/std, channel order, tokenizer, ...: an open object).
 */
public record InputSpec(Modality modality, List<Integer> shape, String dtype, JsonNode preprocessing) {
}
