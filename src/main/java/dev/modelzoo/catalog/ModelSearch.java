package dev.modelzoo.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Full-text and filtered search over the catalog, in PostgreSQL (GIN-indexed tsvector over the search text). */
@ApplicationScoped
public class ModelSearch {

    private final EntityManager entityManager;
    private final ModelVersionRepository versions;

    public ModelSearch(EntityManager entityManager, ModelVersionRepository versions) {
        this.entityManager = entityManager;
        this.versions = versions;
    }

    public SearchResult search(SearchCriteria criteria) {
        StringBuilder where = new StringBuilder(" FROM registered_model m WHERE m.latest_version > 0");
        Map<String, Object> parameters = new HashMap<>();
        String tsQuery = toTsQuery(criteria.q());
        if (tsQuery != null) {
            // the stored, indexed vector (V5): neither the match nor the rank recomputes it per row
            where.append(" AND m.search_vector @@ to_tsquery('simple', :tsq)");
            parameters.put("tsq", tsQuery);
        }
        if (criteria.modality() != null) {
            where.append(" AND m.modality = :modality");
            parameters.put("modality", criteria.modality().name());
        }
        if (criteria.task() != null) {
            where.append(" AND m.task = :task");
            parameters.put("task", criteria.task().name());
        }
        if (criteria.tag() != null) {
            // containment uses the GIN index on tags; "= ANY" would scan
            where.append(" AND m.tags @> ARRAY[CAST(:tag AS text)]");
            parameters.put("tag", criteria.tag());
        }
        if (criteria.namespace() != null) {
            where.append(" AND m.namespace = :namespace");
            parameters.put("namespace", criteria.namespace());
        }
        if (criteria.parent() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM model_version v JOIN model_version p ON v.parent_version_id = p.id"
                    + " JOIN registered_model pm ON p.model_id = pm.id WHERE v.model_id = m.id"
                    + " AND pm.namespace = :parentNamespace AND pm.name = :parentName");
            parameters.put("parentNamespace", criteria.parent().namespace());
            parameters.put("parentName", criteria.parent().name());
            if (criteria.parent().version() != null) {
                where.append(" AND p.version = :parentVersion");
                parameters.put("parentVersion", criteria.parent().version());
            }
            where.append(")");
        }
        if (criteria.onlyModelIds() != null) {
            if (criteria.onlyModelIds().isEmpty()) {
                return new SearchResult(List.of(), 0);
            }
            where.append(" AND m.id IN (:ids)");
            parameters.put("ids", criteria.onlyModelIds());
        }
        Query count = entityManager.createNativeQuery("SELECT count(*)" + where);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();

        Query page = entityManager.createNativeQuery("SELECT m.id" + where + " ORDER BY " + order(criteria, tsQuery)
                + " LIMIT :limit OFFSET :offset");
        parameters.forEach(page::setParameter);
        page.setParameter("limit", criteria.size());
        page.setParameter("offset", (long) criteria.page() * criteria.size());
        List<Long> ids = ((List<?>) page.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();

        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<ModelVersion> latest = new ArrayList<>(versions.latestOf(ids));
        latest.sort(Comparator.comparing(v -> position.get(v.model.id)));
        return new SearchResult(latest, total);
    }

    private static String order(SearchCriteria criteria, String tsQuery) {
        SearchCriteria.Sort sort = criteria.sort() != null ? criteria.sort()
                : tsQuery != null ? SearchCriteria.Sort.RELEVANCE : SearchCriteria.Sort.DOWNLOADS;
        return switch (sort) {
            case RELEVANCE -> tsQuery == null ? "m.downloads DESC, m.namespace, m.name"
                    : "ts_rank(m.search_vector, to_tsquery('simple', :tsq)) DESC, m.namespace,"
                    + " m.name";
            case DOWNLOADS -> "m.downloads DESC, m.namespace, m.name";
            case RECENT -> "m.updated_at DESC, m.id DESC";
            case NAME -> "m.namespace, m.name";
            case TRANSFERABILITY -> rankOrder(criteria.onlyModelIds());
        };
    }

    /** The position of each model in {@code ranked} (ids are numbers, safe to inline), then by name. */
    private static String rankOrder(Set<Long> ranked) {
        if (ranked == null || ranked.isEmpty()) {
            return "m.downloads DESC, m.namespace, m.name";
        }
        StringBuilder order = new StringBuilder("CASE m.id");
        int position = 0;
        for (long id : ranked) {
            order.append(" WHEN ").append(id).append(" THEN ").append(position++);
        }
        return order.append(" ELSE ").append(position).append(" END, m.namespace, m.name").toString();
    }

    /** Words of {@code q} as a prefix-matching conjunction, e.g. "fash len" -> "fash:* & len:*". */
    static String toTsQuery(String q) {
        if (q == null) {
            return null;
        }
        String query = Arrays.stream(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(16)
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
        return query.isEmpty() ? null : query;
    }
}
