package dev.modelzoo.api.dto;

import java.util.List;

/**
 * The lineage of a version: its ancestors (nearest first) and all its descendants (breadth first); every node
 * names its parent and the relation, so the list is also the edge list of the graph.
 */
public record LineageView(LineageNodeView version, List<LineageNodeView> ancestors,
        List<LineageNodeView> descendants) {
}
