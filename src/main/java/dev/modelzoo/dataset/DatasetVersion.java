package dev.modelzoo.dataset;

import dev.modelzoo.spec.AudioFacts;
import dev.modelzoo.spec.Modality;
import dev.modelzoo.storage.BlobRef;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable version of a dataset: the stored file's digest and what validation found in it. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "dataset_id")
    public Dataset dataset;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, length = 32)
    public String format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Modality modality;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Integer> shape;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> labels;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counts_per_label", nullable = false)
    public Map<String, Integer> countsPerLabel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "value_range")
    public List<Double> valueRange;

    /** Sample rate and clip lengths of an AUDIO dataset; null for other modalities. */
    @JdbcTypeCode(SqlTypes.JSON)
    public AudioFacts audio;

    @Column(name = "example_count", nullable = false)
    public int count;

    public String description;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** {@code namespace/name@version}. */
    public String reference() {
        return dataset.reference() + "@" + version;
    }

    public BlobRef blob() {
        return new BlobRef(sha256, sizeBytes);
    }
}
