package dev.modelzoo.dataset;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finders for {@link DatasetVersion}. */
@ApplicationScoped
public class DatasetVersionRepository implements PanacheRepository<DatasetVersion> {

    public Optional<DatasetVersion> find(String namespace, String name, int version) {
        return find("dataset.namespace = ?1 and dataset.name = ?2 and version = ?3", namespace, name, version)
                .firstResultOptional();
    }

    public List<DatasetVersion> listOf(Dataset dataset) {
        return list("dataset = ?1 order by version desc", dataset);
    }

    /** Latest versions, filtered by namespace and modality when given, newest first. */
    public PanacheQuery<DatasetVersion> latest(String namespace, String modality) {
        StringBuilder query = new StringBuilder("version = dataset.latestVersion");
        List<Object> parameters = new ArrayList<>();
        if (namespace != null) {
            parameters.add(namespace);
            query.append(" and dataset.namespace = ?").append(parameters.size());
        }
        if (modality != null) {
            parameters.add(dev.modelzoo.spec.Modality.valueOf(modality));
            query.append(" and modality = ?").append(parameters.size());
        }
        return find(query.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                parameters.toArray());
    }

    public boolean referencesBlob(String sha256) {
        return count("sha256", sha256) > 0;
    }
}
