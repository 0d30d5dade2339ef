package dev.modelzoo.client;

import dev.modelzoo.client.view.Modality;
import dev.modelzoo.client.view.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog search, built like DJL's Criteria: every filter optional ({@code opt*}); unset means no filter. Sort is
 * {@code relevance} (the default with a query), {@code downloads} (the default otherwise), {@code recent} or
 * {@code name}.
 */
public final class SearchQuery {

    private final Map<String, String> parameters;

    private SearchQuery(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The orders the catalog can be listed in. */
    public enum Sort {
        /** Best full-text match first (the default with a query). */
        RELEVANCE,
        /** Most downloaded first (the default without a query). */
        DOWNLOADS,
        /** Most recently updated first. */
        RECENT,
        /** By namespace and name. */
        NAME;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything, in the default order. */
    public static SearchQuery all() {
        return builder().build();
    }

    Map<String, String> parameters() {
        return parameters;
    }

    /** Builds a {@link SearchQuery}. */
    public static final class Builder {

        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder put(String key, Object value) {
            if (value != null && !String.valueOf(value).isEmpty()) {
                parameters.put(key, String.valueOf(value));
            } else {
                parameters.remove(key);
            }
            return this;
        }

        /** Full text with prefix matching over name, description and tags. */
        public Builder optText(String q) {
            return put("q", q);
        }

        public Builder optModality(Modality modality) {
            return put("modality", modality);
        }

        public Builder optTask(Task task) {
            return put("task", task);
        }

        public Builder optTag(String tag) {
            return put("tag", tag);
        }

        public Builder optNamespace(String namespace) {
            return put("namespace", namespace);
        }

        /** Models derived from this model (or exact version). */
        public Builder optParent(String parent) {
            return put("parent", parent);
        }

        /** Bases a fine-tune on this dataset ({@code ns/name[@v]}) accepts. */
        public Builder optCompatibleWith(String dataset) {
            return put("compatibleWith", dataset);
        }

        public Builder optSort(Sort sort) {
            return put("sort", sort == null ? null : sort.wire());
        }

        /** Continue after a page: its {@code next} cursor (sorts downloads, recent and name; keyset paging). */
        public Builder optAfter(String next) {
            return put("after", next);
        }

        /** Zero-based page. */
        public Builder optPage(Integer page) {
            return put("page", page);
        }

        /** 1 to 100; the server's default is 20. */
        public Builder optSize(Integer size) {
            return put("size", size);
        }

        public SearchQuery build() {
            return new SearchQuery(parameters);
        }
    }
}
