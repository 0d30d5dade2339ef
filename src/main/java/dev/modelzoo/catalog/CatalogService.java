package dev.modelzoo.catalog;

import dev.modelzoo.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads of the catalog: models, versions, search, lineage. Not transactional: entities stay attached to the
 * request's session, so views can follow lazy associations.
 */
@ApplicationScoped
public class CatalogService {

    /** Deep enough for any real lineage; a bound keeps a corrupt cycle from looping forever. */
    private static final int MAX_DEPTH = 64;

    private final RegisteredModelRepository models;
    private final ModelVersionRepository versions;
    private final ModelSearch search;

    public CatalogService(RegisteredModelRepository models, ModelVersionRepository versions, ModelSearch search) {
        this.models = models;
        this.versions = versions;
        this.search = search;
    }

    public RegisteredModel model(String namespace, String name) {
        return models.findByName(namespace, name)
                .filter(model -> model.latestVersion > 0)
                .orElseThrow(() -> new NotFoundException("model", namespace + "/" + name));
    }

    public List<ModelVersion> versions(RegisteredModel model) {
        return versions.listOf(model);
    }

    /** The version a reference names; without a version, the latest. */
    public ModelVersion version(ModelReference reference) {
        RegisteredModel model = model(reference.namespace(), reference.name());
        int number = reference.explicitVersion().orElse(model.latestVersion);
        return versions.find(reference.namespace(), reference.name(), number)
                .orElseThrow(() -> new NotFoundException("model version", reference.namespace() + "/"
                        + reference.name() + "@" + number));
    }

    public SearchResult search(SearchCriteria criteria) {
        return search.search(criteria);
    }

    /** The most downloaded models whose latest version fits, at most {@code limit}. */
    public List<ModelHit> firstMatches(InputFit fit, int limit) {
        return search.search(new SearchCriteria(null, null, null, null, null, null, SearchCriteria.Sort.DOWNLOADS, 0,
                limit, fit, null, null)).hits();
    }

    /** Ancestors of {@code version}, nearest first. */
    public List<ModelVersion> ancestors(ModelVersion version) {
        List<ModelVersion> ancestors = new ArrayList<>();
        ModelVersion current = version.parent;
        while (current != null && ancestors.size() < MAX_DEPTH) {
            ancestors.add(current);
            current = current.parent;
        }
        return ancestors;
    }

    /** Descendants of {@code version}, breadth first, each with its depth below {@code version}. */
    public List<Descendant> descendants(ModelVersion version) {
        List<Descendant> descendants = new ArrayList<>();
        List<ModelVersion> level = List.of(version);
        for (int depth = 1; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            Map<Long, ModelVersion> byId = level.stream().collect(Collectors.toMap(v -> v.id, v -> v));
            List<ModelVersion> children = versions.childrenOf(byId.keySet());
            for (ModelVersion child : children) {
                descendants.add(new Descendant(child, depth));
            }
            level = children;
        }
        return descendants;
    }

    /** A version below another in the lineage, {@code depth} generations down. */
    public record Descendant(ModelVersion version, int depth) {
    }
}
