package dev.modelzoo.finetune;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queue operations on {@link FineTuneJob}. */
@ApplicationScoped
public class FineTuneJobRepository implements PanacheRepositoryBase<FineTuneJob, UUID> {

    /**
     * The oldest QUEUED job, locked; rows locked by other workers are skipped rather than waited for, so any number
     * of workers claim distinct jobs without blocking each other.
     */
    public Optional<FineTuneJob> lockNextQueued() {
        return find("status = ?1 order by createdAt, id", JobStatus.QUEUED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                // -2 is Hibernate's "SKIP LOCKED"
                .withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, 1).firstResultOptional();
    }

    /** RUNNING jobs whose lease ran out (their worker stopped renewing it), locked and skipping busy rows. */
    public List<FineTuneJob> lockExpired(Instant now) {
        return find("status = ?1 and leaseExpiresAt < ?2", JobStatus.RUNNING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .list();
    }

    public Optional<FineTuneJob> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<FineTuneJob> list(JobStatus status, String createdBy, int page, int size) {
        Sort sort = Sort.descending("createdAt");
        if (status != null && createdBy != null) {
            return find("status = ?1 and createdBy = ?2", sort, status, createdBy).page(page, size).list();
        }
        if (status != null) {
            return find("status", sort, status).page(page, size).list();
        }
        if (createdBy != null) {
            return find("createdBy", sort, createdBy).page(page, size).list();
        }
        return findAll(sort).page(page, size).list();
    }
}
