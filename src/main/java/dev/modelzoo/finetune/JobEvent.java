package dev.modelzoo.finetune;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something that happened to a job: a state change ({@code state}) or an epoch's metrics ({@code epoch}). */
@Entity
@Table(name = "fine_tune_event")
public class JobEvent extends PanacheEntityBase {

    /** Event types. */
    public static final String STATE = "state";
    public static final String EPOCH = "epoch";
    public static final String LOG = "log";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Column(nullable = false)
    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
