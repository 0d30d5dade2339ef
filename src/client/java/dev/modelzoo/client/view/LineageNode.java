package dev.modelzoo.client.view;

import java.util.List;

/** A version in a lineage graph with the edge to its parent ({@code parent} is a reference, or null). */
public record LineageNode(String reference, String sha256, String parent, String relation, int depth,
        List<Metric> metrics) {
}
