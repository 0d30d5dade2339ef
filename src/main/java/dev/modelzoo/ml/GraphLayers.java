package dev.modelzoo.ml;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** The layer vertices of a computation graph in topological order. */
final class GraphLayers {

    /** A layer vertex with its name and the names of its inputs. */
    record Named(String name, Layer layer, List<String> inputs) {
    }

    private GraphLayers() {
    }

    static List<Named> inOrder(ComputationGraph graph) {
        // computing the order also caches it in the configuration, which older serialised graphs may lack
        graph.topologicalSortOrder();
        ComputationGraphConfiguration conf = graph.getConfiguration();
        List<Named> layers = new ArrayList<>();
        for (String name : conf.getTopologicalOrderStr()) {
            GraphVertex vertex = conf.getVertices().get(name);
            if (vertex instanceof LayerVertex layerVertex) {
                layers.add(new Named(name, layerVertex.getLayerConf().getLayer(),
                        conf.getVertexInputs().getOrDefault(name, List.of())));
            }
        }
        return layers;
    }
}
