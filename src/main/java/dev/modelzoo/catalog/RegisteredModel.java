package dev.modelzoo.catalog;

import dev.modelzoo.spec.Modality;
import dev.modelzoo.spec.Task;
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
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A model {@code namespace/name}; its versions are {@link ModelVersion}s. Search fields mirror the latest one. */
@Entity
@Table(name = "registered_model")
public class RegisteredModel extends PanacheEntityBase {

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

    @Enumerated(EnumType.STRING)
    public Task task;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @Column(name = "search_text", nullable = false)
    public String searchText = "";

    @Column(nullable = false)
    public long downloads;

    /** The latest version's input shape and the facts below: what {@code compatibleWith} filters on in SQL. */
    @Column(name = "input_shape")
    public Integer[] inputShape;

    @Column(name = "input_range_low")
    public Double inputRangeLow;

    @Column(name = "input_range_high")
    public Double inputRangeHigh;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "input_normalization")
    public InputNormalization inputNormalization;

    /** For an AUDIO base with a front end: the sample rate and clip length it computes its input from. */
    @Column(name = "input_sample_rate")
    public Integer inputSampleRate;

    @Column(name = "input_clip_samples")
    public Integer inputClipSamples;

    /** Whether the latest version has a feature layer in front of its output layer (a head to replace). */
    @Column(name = "head_trainable", nullable = false)
    public boolean headTrainable;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String reference() {
        return namespace + "/" + name;
    }
}
