package dev.modelzoo.compatibility;

import dev.modelzoo.catalog.ModelReference;

/** {@code namespace/name[@version]} of a dataset (same syntax as model references). */
public record DatasetReference(String namespace, String name, Integer version) {

    public static DatasetReference parse(String field, String text) {
        ModelReference reference = ModelReference.parse(field, text);
        return new DatasetReference(reference.namespace(), reference.name(), reference.version());
    }
}
