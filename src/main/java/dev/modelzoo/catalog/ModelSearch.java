package dev.modelzoo.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Full-text and filtered search over the catalog in PostgreSQL. A page is one query: the matching model ids in order
 * (over the indexes of V5/V6: stored tsvector, tags, one per sort order, input facts), then the page's rows joined
 * with their latest version and parent. Totals: with a text query the ranking reads every match anyway, so the
 * total is a window count of the same query; otherwise an exact count over the same indexed filters.
 */
@ApplicationScoped
public class ModelSearch {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String HIT_COLUMNS = "m.namespace, m.name, m.description, m.modality,"
            + " CAST(m.input_shape AS text), m.task, CAST(array_to_json(m.tags) AS text), m.latest_version,"
            + " m.downloads, m.updated_at, m.id, pm.namespace || '/' || pm.name || '@' || p.version,"
            + " v.parent_sha256, v.parent_relation, pg.total";
    private static final String HIT_JOINS = " JOIN registered_model m ON m.id = pg.id"
            + " JOIN model_version v ON v.model_id = m.id AND v.version = m.latest_version"
            + " LEFT JOIN model_version p ON p.id = v.parent_version_id"
            + " LEFT JOIN registered_model pm ON pm.id = p.model_id";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ModelSearch(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    public SearchResult search(SearchCriteria criteria) {
        Filters filters = filters(criteria);
        SearchCriteria.Sort sort = criteria.effectiveSort();
        String tsQuery = toTsQuery(criteria.q());
        boolean relevance = sort == SearchCriteria.Sort.RELEVANCE && tsQuery != null;
        Map<String, Object> parameters = new HashMap<>(filters.parameters());
        String keyset = keyset(criteria.after(), parameters);
        String ids = "SELECT m.id, " + (relevance
                ? "ts_rank(m.search_vector, to_tsquery('simple', :tsq)) AS relevance, count(*) OVER () AS total"
                : "0 AS relevance, -1 AS total")
                + " FROM registered_model m" + filters.where() + keyset
                + " ORDER BY " + order(sort, relevance, criteria.ranking(), "relevance")
                + " LIMIT :limit OFFSET :offset";
        Query page = entityManager.createNativeQuery("SELECT " + HIT_COLUMNS + " FROM (" + ids + ") pg" + HIT_JOINS
                + " ORDER BY " + order(sort, relevance, criteria.ranking(), "pg.relevance"));
        parameters.forEach(page::setParameter);
        page.setParameter("limit", criteria.size());
        page.setParameter("offset", (long) criteria.page() * criteria.size());
        List<?> rows = page.getResultList();
        List<ModelHit> hits = rows.stream().map(row -> hit((Object[]) row)).toList();
        long total = relevance && !rows.isEmpty() ? ((Number) ((Object[]) rows.get(0))[14]).longValue()
                : count(filters);
        long offset = (long) criteria.page() * criteria.size();
        boolean more = hits.size() == criteria.size() && (criteria.after() != null || offset + hits.size() < total);
        PageCursor next = more && PageCursor.supports(sort) ? cursor(sort, hits.get(hits.size() - 1)) : null;
        return new SearchResult(hits, total, next);
    }

    private long count(Filters filters) {
        Query count = entityManager.createNativeQuery("SELECT count(*) FROM registered_model m" + filters.where());
        filters.parameters().forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** The WHERE clause of the criteria (without the keyset) and its parameters. */
    private record Filters(String where, Map<String, Object> parameters) {
    }

    private Filters filters(SearchCriteria criteria) {
        StringBuilder where = new StringBuilder(" WHERE m.latest_version > 0");
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
            where.append(" AND EXISTS (SELECT 1 FROM model_version cv JOIN model_version cp"
                    + " ON cv.parent_version_id = cp.id JOIN registered_model cpm ON cp.model_id = cpm.id"
                    + " WHERE cv.model_id = m.id AND cpm.namespace = :parentNamespace AND cpm.name = :parentName");
            parameters.put("parentNamespace", criteria.parent().namespace());
            parameters.put("parentName", criteria.parent().name());
            if (criteria.parent().version() != null) {
                where.append(" AND cp.version = :parentVersion");
                parameters.put("parentVersion", criteria.parent().version());
            }
            where.append(")");
        }
        if (criteria.fit() != null) {
            fit(criteria.fit(), where, parameters);
        }
        return new Filters(where.toString(), parameters);
    }

    /** The checker's HEAD_ONLY rules as SQL over the input facts of V6 (CompatibleBasesTest keeps them equal). */
    private void fit(InputFit fit, StringBuilder where, Map<String, Object> parameters) {
        where.append(" AND m.modality = :fitModality AND m.task = :fitTask AND m.head_trainable");
        parameters.put("fitModality", fit.modality().name());
        parameters.put("fitTask", Task.CLASSIFICATION.name());
        if (fit.rankOnly()) {
            where.append(" AND cardinality(m.input_shape) = :fitRank");
            parameters.put("fitRank", fit.shape().size());
            if (fit.audio() != null) {
                where.append(" AND m.input_sample_rate = :fitSampleRate AND m.input_clip_samples >= :fitClip");
                parameters.put("fitSampleRate", fit.audio().sampleRate());
                parameters.put("fitClip", fit.audio().maxSamples());
            }
            return;
        }
        where.append(" AND m.input_shape = CAST(:fitShape AS integer[])");
        parameters.put("fitShape", fit.shape().stream().map(String::valueOf)
                .collect(Collectors.joining(",", "{", "}")));
        if (fit.range() != null && fit.range().size() == 2) {
            where.append(" AND (m.input_range_low IS NULL OR (m.input_range_low - :fitEpsilon <= :fitLow"
                    + " AND m.input_range_high + :fitEpsilon >= :fitHigh))");
            parameters.put("fitEpsilon", InputFit.RANGE_EPSILON);
            parameters.put("fitLow", fit.range().get(0));
            parameters.put("fitHigh", fit.range().get(1));
        }
        if (fit.normalization() == null) {
            where.append(" AND m.input_normalization IS NULL");
        } else {
            where.append(" AND m.input_normalization = CAST(:fitNormalization AS jsonb)");
            try {
                parameters.put("fitNormalization", json.writeValueAsString(fit.normalization()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Rows strictly after the cursor in its order; each condition leads with a column its index can seek on. */
    private static String keyset(PageCursor after, Map<String, Object> parameters) {
        if (after == null) {
            return "";
        }
        return switch (after.sort()) {
            case DOWNLOADS -> {
                parameters.put("afterDownloads", after.downloads());
                parameters.put("afterNamespace", after.namespace());
                parameters.put("afterName", after.name());
                yield " AND m.downloads <= :afterDownloads AND (m.downloads < :afterDownloads"
                        + " OR (m.namespace, m.name) > (:afterNamespace, :afterName))";
            }
            case RECENT -> {
                parameters.put("afterUpdated", after.updatedAt());
                parameters.put("afterId", after.id());
                yield " AND (m.updated_at, m.id) < (:afterUpdated, :afterId)";
            }
            case NAME -> {
                parameters.put("afterNamespace", after.namespace());
                parameters.put("afterName", after.name());
                yield " AND (m.namespace, m.name) > (:afterNamespace, :afterName)";
            }
            default -> throw new IllegalArgumentException("no keyset for " + after.sort());
        };
    }

    private static PageCursor cursor(SearchCriteria.Sort sort, ModelHit last) {
        return new PageCursor(sort, last.downloads(), last.namespace(), last.name(), last.updatedAt(), last.id());
    }

    private static String order(SearchCriteria.Sort sort, boolean relevance, List<Long> ranking,
            String relevanceColumn) {
        return switch (sort) {
            case RELEVANCE -> relevance ? relevanceColumn + " DESC, m.namespace, m.name"
                    : "m.downloads DESC, m.namespace, m.name";
            case DOWNLOADS -> "m.downloads DESC, m.namespace, m.name";
            case RECENT -> "m.updated_at DESC, m.id DESC";
            case NAME -> "m.namespace, m.name";
            case TRANSFERABILITY -> rankOrder(ranking);
        };
    }

    /** The position of each model in {@code ranking} (ids are numbers, safe to inline), then by downloads. */
    private static String rankOrder(List<Long> ranking) {
        if (ranking == null || ranking.isEmpty()) {
            return "m.downloads DESC, m.namespace, m.name";
        }
        StringBuilder order = new StringBuilder("CASE m.id");
        int position = 0;
        for (long id : ranking) {
            order.append(" WHEN ").append(id).append(" THEN ").append(position++);
        }
        return order.append(" ELSE ").append(position).append(" END, m.downloads DESC, m.namespace, m.name")
                .toString();
    }

    private ModelHit hit(Object[] row) {
        try {
            return new ModelHit((String) row[0], (String) row[1], (String) row[2],
                    row[3] == null ? null : Modality.valueOf((String) row[3]), shape((String) row[4]),
                    row[5] == null ? null : Task.valueOf((String) row[5]), json.readValue((String) row[6], STRINGS),
                    ((Number) row[7]).intValue(), ((Number) row[8]).longValue(), instant(row[9]),
                    ((Number) row[10]).longValue(), (String) row[11], (String) row[12], (String) row[13]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags of model " + row[0] + "/" + row[1] + " are not a JSON array", e);
        }
    }

    /** PostgreSQL's text form of an integer array, e.g. "{1,28,28}". */
    private static List<Integer> shape(String array) {
        if (array == null || array.length() <= 2) {
            return List.of();
        }
        return Arrays.stream(array.substring(1, array.length() - 1).split(",")).map(Integer::valueOf).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
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
