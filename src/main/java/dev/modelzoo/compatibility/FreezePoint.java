package dev.modelzoo.compatibility;

import dev.modelzoo.catalog.Architecture;
import dev.modelzoo.error.InvalidRequestException;
import dev.modelzoo.ml.LayerSummary;
import java.util.List;

/** Resolves FREEZE_UP_TO's layer, given as an index ({@code freezeUpTo}) or by name ({@code freezeUpToLayer}). */
public final class FreezePoint {

    private FreezePoint() {
    }

    /** The layer index, or {@code index} as given when no name is given; a 400 for an unknown name or both. */
    public static Integer resolve(Architecture architecture, Integer index, String layerName) {
        if (layerName == null) {
            return index;
        }
        if (index != null) {
            throw new InvalidRequestException("freezeUpToLayer", "freezeUpTo or freezeUpToLayer", "both",
                    "Give the layer to freeze up to either by index (freezeUpTo) or by name (freezeUpToLayer)");
        }
        List<LayerSummary> layers = architecture.layers();
        for (LayerSummary layer : layers) {
            if (layer.name().equals(layerName)) {
                return layer.index();
            }
        }
        throw new InvalidRequestException("freezeUpToLayer", "a layer name of the base", layerName,
                "The base has no layer named '" + layerName + "' (its layers: " + names(layers) + ")");
    }

    private static String names(List<LayerSummary> layers) {
        List<String> names = layers.stream().map(LayerSummary::name).toList();
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 6)) + ", ..., "
                        + String.join(", ", names.subList(names.size() - 6, names.size()));
    }
}
