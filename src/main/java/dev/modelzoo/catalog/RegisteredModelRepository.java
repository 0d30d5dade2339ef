package dev.modelzoo.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/** Finders for {@link RegisteredModel}. */
@ApplicationScoped
public class RegisteredModelRepository implements PanacheRepository<RegisteredModel> {

    public Optional<RegisteredModel> findByName(String namespace, String name) {
        return find("namespace = ?1 and name = ?2", namespace, name).firstResultOptional();
    }

    /**
     * Returns the model row locked for this transaction, creating it first when missing. Publishes of one model
     * serialise on this lock, which is what makes version numbers gap-free and conflicts explicit.
     */
    public RegisteredModel lockOrCreate(String namespace, String name) {
        Instant now = Instant.now();
        getEntityManager().createNativeQuery("""
                INSERT INTO registered_model (namespace, name, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?3) ON CONFLICT (namespace, name) DO NOTHING""")
                .setParameter(1, namespace).setParameter(2, name).setParameter(3, now)
                .executeUpdate();
        return find("namespace = ?1 and name = ?2", namespace, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
