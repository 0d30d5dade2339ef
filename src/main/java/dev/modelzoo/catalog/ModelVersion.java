package dev.modelzoo.catalog;

import dev.modelzoo.spec.InputSpec;
import dev.modelzoo.spec.OutputSpec;
import dev.modelzoo.spec.SourceFormat;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One immutable published version of a model: its artifact digest, specs, architecture, lineage and metrics. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "model_id")
    public RegisteredModel model;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "input_spec", nullable = false)
    public InputSpec inputSpec;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "output_spec", nullable = false)
    public OutputSpec outputSpec;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Architecture architecture;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> recipe;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Metric> metrics = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "training_dataset")
    public DatasetDigest trainingDataset;

    public String description;

    @Column(length = 64)
    public String license;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    public String card;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_version_id")
    public ModelVersion parent;

    @Column(name = "parent_sha256", length = 64)
    public String parentSha256;

    @Column(name = "parent_relation", length = 32)
    public String parentRelation;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public long downloads;

    /** The format the version was uploaded in; imports keep their upload as a second blob. */
    @Enumerated(EnumType.STRING)
    @Column(name = "source_format", nullable = false, length = 32)
    public SourceFormat sourceFormat = SourceFormat.DL4J;

    @Column(name = "source_sha256", length = 64)
    public String sourceSha256;

    @Column(name = "source_size_bytes")
    public Long sourceSizeBytes;

    /** What converted the upload (null for DL4J uploads). */
    @Column(length = 64)
    public String converter;

    @Column(name = "source_keras_version", length = 32)
    public String sourceKerasVersion;

    /** {@code namespace/name@version}. */
    public String reference() {
        return model.reference() + "@" + version;
    }

    /** The original upload of an imported version, if it is one. */
    public java.util.Optional<BlobRef> sourceBlob() {
        return sourceSha256 == null ? java.util.Optional.empty()
                : java.util.Optional.of(new BlobRef(sourceSha256, sourceSizeBytes));
    }

    public BlobRef blob() {
        return new BlobRef(sha256, sizeBytes);
    }
}
