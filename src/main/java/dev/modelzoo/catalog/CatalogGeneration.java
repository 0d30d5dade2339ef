package dev.modelzoo.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of committed catalog writes on this instance (publishes, dataset uploads, counted downloads): what was
 * read under an older value may be stale. Bumped after the write's transaction committed, so a read that sees the
 * new value also sees the write.
 */
@ApplicationScoped
public class CatalogGeneration {

    private final AtomicLong generation = new AtomicLong();

    public long current() {
        return generation.get();
    }

    public void changed() {
        generation.incrementAndGet();
    }
}
