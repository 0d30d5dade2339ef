package dev.modelzoo.ml.keras;

import dev.modelzoo.ml.LoadedNetwork;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Removes the keep-everything dropout (p = 1.0) that DL4J's Keras importer attaches to most layers: it does
 * nothing at inference, but DL4J M2.1 still applies its mask in training, in the channels-first layout, so a FULL
 * fine-tune of a channels-last import crashes with a shape-broadcast error.
 */
final class DoNothingDropout {

    private DoNothingDropout() {
    }

    /** Removes them in place and returns how many layers had one. */
    static int remove(LoadedNetwork network) {
        int removed = 0;
        for (Layer layer : network.layerConfigs()) {
            if (layer.getIDropout() instanceof Dropout dropout && dropout.getP() == 1.0) {
                layer.setIDropout(null);
                removed++;
            }
        }
        return removed;
    }
}
