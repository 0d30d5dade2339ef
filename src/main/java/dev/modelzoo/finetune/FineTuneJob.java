package dev.modelzoo.finetune;

import dev.modelzoo.finetune.result.AutoDecision;
import dev.modelzoo.finetune.result.BaselineReport;
import dev.modelzoo.finetune.result.EpochRecord;
import dev.modelzoo.finetune.result.Evaluation;
import dev.modelzoo.finetune.result.PhaseTimings;
import dev.modelzoo.finetune.result.TrainingReport;
import dev.modelzoo.spec.Strategy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A fine-tune job: what to train, its lease while a worker runs it, its progress, metrics and outcome. */
@Entity
@Table(name = "fine_tune_job")
public class FineTuneJob extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(name = "base_reference", nullable = false)
    public String baseReference;

    @Column(name = "base_version_id", nullable = false)
    public long baseVersionId;

    @Column(name = "base_sha256", nullable = false)
    public String baseSha256;

    @Column(name = "dataset_reference", nullable = false)
    public String datasetReference;

    @Column(name = "dataset_version_id", nullable = false)
    public long datasetVersionId;

    @Column(name = "dataset_sha256", nullable = false)
    public String datasetSha256;

    @Column(name = "test_dataset_reference")
    public String testDatasetReference;

    @Column(name = "test_dataset_version_id")
    public Long testDatasetVersionId;

    @Column(name = "test_dataset_sha256")
    public String testDatasetSha256;

    @Column(name = "target_namespace", nullable = false)
    public String targetNamespace;

    @Column(name = "target_name", nullable = false)
    public String targetName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Strategy strategy;

    @Column(name = "freeze_up_to")
    public Integer freezeUpTo;

    @Column(nullable = false)
    public boolean adapt;

    @Column(nullable = false)
    public boolean baseline;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Hyperparameters hyperparameters;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    @Column(name = "progress_epoch", nullable = false)
    public int progressEpoch;

    @Column(name = "progress_epochs", nullable = false)
    public int progressEpochs;

    @Enumerated(EnumType.STRING)
    @Column(name = "progress_phase")
    public JobPhase progressPhase;

    /** The epochs of the derived model's stages (not of AUTO's rejected trials or the baseline). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<EpochRecord> metrics = new ArrayList<>();

    /** The derived model on the validation split. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Evaluation evaluation;

    /** The derived model on the test dataset, when the job has one. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "test_evaluation")
    public Evaluation testEvaluation;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "baseline_result")
    public BaselineReport baselineResult;

    @JdbcTypeCode(SqlTypes.JSON)
    public AutoDecision decision;

    @JdbcTypeCode(SqlTypes.JSON)
    public TrainingReport training;

    @JdbcTypeCode(SqlTypes.JSON)
    public PhaseTimings timings;

    @Column(name = "result_reference")
    public String resultReference;

    @Enumerated(EnumType.STRING)
    @Column(name = "error_code")
    public ErrorCode errorCode;

    public String error;

    public String target() {
        return targetNamespace + "/" + targetName;
    }
}
