package dev.modelzoo.finetune;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stop flags of the jobs training in this process. A cancel through this instance's API flips the flag at once;
 * other instances learn of it through the heartbeat, which reads the database.
 */
@ApplicationScoped
public class RunningJobs {

    private final Map<UUID, AtomicBoolean> stopFlags = new ConcurrentHashMap<>();

    AtomicBoolean register(UUID id) {
        AtomicBoolean flag = new AtomicBoolean();
        stopFlags.put(id, flag);
        return flag;
    }

    void unregister(UUID id) {
        stopFlags.remove(id);
    }

    /** Stops a job running here, if it is; returns whether it was. */
    public boolean stop(UUID id) {
        AtomicBoolean flag = stopFlags.get(id);
        if (flag != null) {
            flag.set(true);
        }
        return flag != null;
    }


}
