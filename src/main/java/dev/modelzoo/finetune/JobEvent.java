package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.EventPayload;
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
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something that happened to a job: a state change, an epoch's metrics or a note ({@link JobEventType}). */
@Entity
@Table(name = "fine_tune_event")
public class JobEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobEventType type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public EventPayload payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
