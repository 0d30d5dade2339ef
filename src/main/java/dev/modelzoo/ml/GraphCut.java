package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Splits a computation graph at a layer whose output is the only thing the rest of the graph reads (a single-tensor
 * boundary: no skip connection crosses it). The prefix up to that layer runs once over the data (featurize once);
 * the rest becomes a graph of its own whose input is the cut layer's output, trained on those features. Layer
 * indices are those of {@link GraphLayers#inOrder}, as in the architecture summary.
 */
final class GraphCut {

    private GraphCut() {
    }

    /** The layer indices at which the graph can be cut (the output layer excluded). */
    static List<Integer> cuts(ComputationGraph graph) {
        List<GraphLayers.Named> layers = GraphLayers.inOrder(graph);
        ComputationGraphConfiguration conf = graph.getConfiguration();
        List<String> order = conf.getTopologicalOrderStr();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        // earliest[p]: the smallest position read by any vertex at position p or later
        int[] earliest = new int[order.size() + 1];
        earliest[order.size()] = Integer.MAX_VALUE;
        for (int p = order.size() - 1; p >= 0; p--) {
            int smallest = earliest[p + 1];
            for (String input : conf.getVertexInputs().getOrDefault(order.get(p), List.of())) {
                smallest = Math.min(smallest, position.get(input));
            }
            earliest[p] = smallest;
        }
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < layers.size() - 1; i++) {
            int p = position.get(layers.get(i).name());
            if (earliest[p + 1] >= p) {
                cuts.add(i);
            }
        }
        return cuts;
    }

    /** The graph from the input to the layer at {@code index}, which is its output; parameters copied. */
    static ComputationGraph prefix(ComputationGraph graph, int index) {
        String cut = layerName(graph, index);
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        Set<String> keep = ancestors(conf, cut);
        conf.getVertices().keySet().retainAll(keep);
        conf.getVertexInputs().keySet().retainAll(keep);
        conf.setNetworkOutputs(new ArrayList<>(List.of(cut)));
        return build(conf, graph);
    }

    /** The graph after the layer at {@code index}, whose one input (named after that layer) is that layer's output. */
    static ComputationGraph tail(ComputationGraph graph, int index) {
        String cut = layerName(graph, index);
        requireCut(graph, index);
        // the clone does not carry the cached order; layerName() above computed it on the original
        List<String> order = graph.getConfiguration().getTopologicalOrderStr();
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        Set<String> drop = new HashSet<>(order.subList(0, order.indexOf(cut) + 1));
        conf.getVertices().keySet().removeAll(drop);
        conf.getVertexInputs().keySet().removeAll(drop);
        conf.setNetworkInputs(new ArrayList<>(List.of(cut)));
        return build(conf, graph);
    }

    /** Copies the parameters of every layer of {@code from} that {@code to} also has, by name. */
    static void copyParameters(ComputationGraph from, ComputationGraph to) {
        for (org.deeplearning4j.nn.graph.vertex.GraphVertex vertex : to.getVertices()) {
            if (!vertex.hasLayer() || vertex.getLayer().numParams() == 0) {
                continue;
            }
            org.deeplearning4j.nn.graph.vertex.GraphVertex source = from.getVertex(vertex.getVertexName());
            if (source != null && source.hasLayer()) {
                LayerParameters.copy(source.getLayer(), vertex.getLayer());
            }
        }
    }

    /** The cut layer's output for a batch (the prefix in inference mode, as frozen layers are). */
    static INDArray output(ComputationGraph prefix, INDArray inputs) {
        return prefix.outputSingle(false, inputs).dup();
    }

    static void requireCut(ComputationGraph graph, int index) {
        if (!cuts(graph).contains(index)) {
            throw new IllegalArgumentException("Layer " + index + " (" + layerName(graph, index) + ") is not a"
                    + " single-tensor boundary of the graph");
        }
    }

    private static String layerName(ComputationGraph graph, int index) {
        return GraphLayers.inOrder(graph).get(index).name();
    }

    private static Set<String> ancestors(ComputationGraphConfiguration conf, String vertex) {
        Set<String> found = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(vertex));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (found.add(next)) {
                pending.addAll(conf.getVertexInputs().getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    private static ComputationGraph build(ComputationGraphConfiguration conf, ComputationGraph source) {
        // the cached order belongs to the whole graph; the part computes its own
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        ComputationGraph part = new ComputationGraph(conf);
        part.init();
        copyParameters(source, part);
        return part;
    }
}
