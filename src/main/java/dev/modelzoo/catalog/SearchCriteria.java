package dev.modelzoo.catalog;

import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Task;
import java.util.List;

/**
 * A catalog query. {@code q} is full-text over name, description and tags (prefix matching per word);
 * {@code parent} keeps models with a version derived from that model (or exact version); {@code fit}, when not
 * null, keeps the bases whose latest version takes such data (compatibleWith); {@code ranking} is the model ids in
 * TRANSFERABILITY order (others follow). {@code page} is zero-based; {@code after}, when not null, starts right
 * after that row instead (keyset paging, page must then be 0).
 */
public record SearchCriteria(String q, Modality modality, Task task, String tag, String namespace,
        ModelReference parent, Sort sort, int page, int size, InputFit fit, List<Long> ranking, PageCursor after) {

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
         * Best measured transferability to the {@code compatibleWith} dataset first: {@code ranking} then holds the
         * ranked bases in that order (the ranking of POST /recommendations).
         */
        TRANSFERABILITY
    }

    /** The order in effect: the given one, else relevance with a text query, else downloads. */
    public Sort effectiveSort() {
        return effectiveSort(sort, q);
    }

    /** The order a query {@code q} sorted by {@code sort} (may be null) is answered in. */
    public static Sort effectiveSort(Sort sort, String q) {
        return sort != null ? sort : ModelSearch.toTsQuery(q) != null ? Sort.RELEVANCE : Sort.DOWNLOADS;
    }
}
