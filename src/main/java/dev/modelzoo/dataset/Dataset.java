package dev.modelzoo.dataset;

import dev.modelzoo.spec.Modality;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dataset {@code namespace/name}; its immutable versions are {@link DatasetVersion}s. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String namespace;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    public String description;

    @Enumerated(EnumType.STRING)
    public Modality modality;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String reference() {
        return namespace + "/" + name;
    }
}
