package dev.modelzoo.finetune;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Finders for {@link JobEvent}. */
@ApplicationScoped
public class JobEventRepository implements PanacheRepository<JobEvent> {

    public List<JobEvent> after(UUID jobId, long afterId) {
        return list("jobId = ?1 and id > ?2 order by id", jobId, afterId);
    }
}
