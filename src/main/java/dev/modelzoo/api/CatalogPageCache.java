package dev.modelzoo.api;

import dev.modelzoo.catalog.CatalogGeneration;
import dev.modelzoo.config.ModelZooConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Search pages and model pages served from memory for {@code modelzoo.catalog.cache-ttl}: catalog reads repeat (a
 * few words and tags are most of the queries) and each costs several database round trips, while the bare HTTP
 * stack answers in a fraction of that. An entry is valid only while no write committed on this instance since it
 * was computed ({@link CatalogGeneration}); errors are never cached.
 */
@ApplicationScoped
public class CatalogPageCache {

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final CatalogGeneration generation;
    private final long ttlNanos;
    private final int maxEntries;

    public CatalogPageCache(CatalogGeneration generation, ModelZooConfig config) {
        this.generation = generation;
        this.ttlNanos = config.catalog().cacheTtl().toNanos();
        this.maxEntries = config.catalog().cacheSize();
    }

    private record Entry(Object value, long generation, long expiresAt) {
    }

    /** The page cached under {@code key}, or {@code compute}'s result (cached when it returns). */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        if (ttlNanos <= 0) {
            return compute.get();
        }
        long now = System.nanoTime();
        long current = generation.current();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == current && now - entry.expiresAt() < 0) {
            return (T) entry.value();
        }
        T value = compute.get();
        if (entries.size() >= maxEntries) {
            // a crude bound: rare, and a full cache of two-second entries is cheap to rebuild
            entries.clear();
        }
        entries.put(key, new Entry(value, current, now + ttlNanos));
        return value;
    }
}
