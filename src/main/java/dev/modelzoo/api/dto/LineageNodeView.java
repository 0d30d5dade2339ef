package dev.modelzoo.api.dto;

import dev.modelzoo.catalog.Metric;
import java.util.List;

/** A version in a lineage graph with the edge to its parent. */
public record LineageNodeView(String reference, String sha256, String parent, String relation, int depth,
        List<Metric> metrics) {
}
