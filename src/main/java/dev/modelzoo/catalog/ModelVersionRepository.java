package dev.modelzoo.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Finders for {@link ModelVersion}. */
@ApplicationScoped
public class ModelVersionRepository implements PanacheRepository<ModelVersion> {

    public Optional<ModelVersion> find(String namespace, String name, int version) {
        return find("model.namespace = ?1 and model.name = ?2 and version = ?3", namespace, name, version)
                .firstResultOptional();
    }

    public List<ModelVersion> listOf(RegisteredModel model) {
        return list("model = ?1 order by version desc", model);
    }

    /** Latest versions of every model, most downloaded first. */
    public List<ModelVersion> latestVersions(int limit) {
        return find("version = model.latestVersion order by model.downloads desc, model.id").page(0, limit).list();
    }

    public List<ModelVersion> childrenOf(Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return list("parent.id in ?1 order by id", parentIds);
    }

    public boolean referencesBlob(String sha256) {
        return count("sha256 = ?1 or sourceSha256 = ?1", sha256) > 0;
    }

    /** Adds one download to the version and its model in one statement each, without loading them. */
    public void countDownload(long versionId) {
        update("downloads = downloads + 1 where id = ?1", versionId);
        getEntityManager().createQuery("update RegisteredModel m set m.downloads = m.downloads + 1"
                + " where m.id = (select v.model.id from ModelVersion v where v.id = ?1)")
                .setParameter(1, versionId).executeUpdate();
    }
}
