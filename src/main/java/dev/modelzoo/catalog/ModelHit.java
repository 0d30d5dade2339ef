package dev.modelzoo.catalog;

import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Task;
import java.time.Instant;
import java.util.List;

/** A search hit as one query reads it: the model row and its latest version's shape and parent (may be null). */
public record ModelHit(String namespace, String name, String description, Modality modality, List<Integer> shape,
        Task task, List<String> tags, int latestVersion, long downloads, Instant updatedAt, long id,
        String parentReference, String parentSha256, String parentRelation) {

    public String reference() {
        return namespace + "/" + name;
    }
}
