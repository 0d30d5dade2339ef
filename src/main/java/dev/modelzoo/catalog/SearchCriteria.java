package dev.modelzoo.catalog;

import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Task;

/**
 * A catalog query. {@code q} is full-text over name, description and tags (prefix matching per word);
 * {@code parent} keeps models with a version derived from that model (or exact version); {@code onlyModelIds},
 * when not null, keeps only those models (e.g. the bases compatible with a dataset; for TRANSFERABILITY in rank
 * order). {@code page} is zero-based.
 */
public record SearchCriteria(String q, Modality modality, Task task, String tag, String namespace,
        ModelReference parent, Sort sort, int page, int size, java.util.Set<Long> onlyModelIds) {

    /** Result order. */
    public enum Sort {
        /** Best full-text match first (the default when {@code q} is given). */
        RELEVANCE,
        /** Most downloaded first (the default without {@code q}). */
        DOWNLOADS,
        /** Most recently published first. */
        RECENT,
        /** Alphabetical by namespace/name. */
        NAME,
        /**
         * Best measured transferability to the {@code compatibleWith} dataset first: {@code onlyModelIds} then
         * holds the bases in that order (the ranking of POST /recommendations).
         */
        TRANSFERABILITY
    }
}
