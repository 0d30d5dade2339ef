package dev.modelzoo.dataset;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/** Finders for {@link Dataset}. */
@ApplicationScoped
public class DatasetRepository implements PanacheRepository<Dataset> {

    public Optional<Dataset> findByName(String namespace, String name) {
        return find("namespace = ?1 and name = ?2", namespace, name).firstResultOptional();
    }

    /** The dataset row locked for this transaction, created first when missing (uploads of one name serialise). */
    public Dataset lockOrCreate(String namespace, String name) {
        getEntityManager().createNativeQuery("""
                INSERT INTO dataset (namespace, name, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?3) ON CONFLICT (namespace, name) DO NOTHING""")
                .setParameter(1, namespace).setParameter(2, name).setParameter(3, Instant.now())
                .executeUpdate();
        return find("namespace = ?1 and name = ?2", namespace, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
