package dev.modelzoo.cli;

import dev.modelzoo.client.view.Lineage;
import dev.modelzoo.client.view.LineageNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a lineage as a tree: the oldest ancestor at the top, each generation indented under its parent, the asked
 * version marked, and its descendants branching below it; every derived node shows how it was derived and its
 * accuracy.
 */
final class LineageTree {

    private final Lineage lineage;
    private final Map<String, List<LineageNode>> children = new LinkedHashMap<>();

    LineageTree(Lineage lineage) {
        this.lineage = lineage;
        for (LineageNode node : lineage.descendants()) {
            children.computeIfAbsent(node.parent(), parent -> new ArrayList<>()).add(node);
        }
    }

    void print(PrintWriter out) {
        List<LineageNode> chain = new ArrayList<>(lineage.ancestors());
        Collections.reverse(chain);
        chain.add(lineage.version());
        out.println(label(chain.get(0)));
        String indent = "";
        for (int i = 1; i < chain.size(); i++) {
            out.println(indent + "└── " + label(chain.get(i)));
            indent += "    ";
        }
        branches(out, lineage.version().reference(), indent);
    }

    private void branches(PrintWriter out, String parent, String indent) {
        List<LineageNode> below = children.getOrDefault(parent, List.of());
        for (int i = 0; i < below.size(); i++) {
            boolean last = i == below.size() - 1;
            out.println(indent + (last ? "└── " : "├── ") + label(below.get(i)));
            branches(out, below.get(i).reference(), indent + (last ? "    " : "│   "));
        }
    }

    private String label(LineageNode node) {
        StringBuilder text = new StringBuilder(node.reference());
        if (node.relation() != null) {
            text.append("  ").append(node.relation());
        }
        String metric = Formats.headline(node.metrics());
        if (!metric.isEmpty()) {
            text.append("  ").append(metric);
        }
        if (node.reference().equals(lineage.version().reference())) {
            text.append("  <- this version");
        }
        return text.toString();
    }
}
