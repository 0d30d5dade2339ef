package dev.modelzoo.catalog;

import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.error.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission for artifact validation: at most {@code modelzoo.upload.validators} networks are loaded at once; a
 * publish that finds every slot taken for {@code validator-wait} is answered 503 with Retry-After instead of piling
 * up networks in memory.
 */
@ApplicationScoped
public class ValidationSlots {

    private final Semaphore slots;
    private final int size;
    private final Duration wait;

    public ValidationSlots(ModelZooConfig config) {
        int configured = config.upload().validators();
        this.size = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(size, true);
        this.wait = config.upload().validatorWait();
    }

    /** A taken slot; closing it frees the slot. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** A slot, waiting up to the configured time; 503 when none frees up. */
    public Slot acquire() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceUnavailableException("Every artifact validator is busy (" + size + " publishes are"
                        + " being validated); try again shortly", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("The server is shutting down; try again shortly", e);
        }
        return slots::release;
    }

    /** How many slots there are. */
    public int size() {
        return size;
    }
}
