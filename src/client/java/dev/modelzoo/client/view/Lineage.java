package dev.modelzoo.client.view;

import java.util.List;

/** A version's ancestors (nearest first) and descendants (breadth first); together, the graph's edge list. */
public record Lineage(LineageNode version, List<LineageNode> ancestors, List<LineageNode> descendants) {
}
