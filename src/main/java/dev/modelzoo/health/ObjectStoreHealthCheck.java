package dev.modelzoo.health;

import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the object store answers and the bucket exists (it is created when missing). The probe answers
 * within {@link #ANSWER_WITHIN} even when the store accepts connections and never replies: the check runs on its
 * own thread, at most one at a time, and a probe still waiting counts as DOWN.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    static final Duration ANSWER_WITHIN = Duration.ofMillis(1500);

    private final ObjectStore objects;
    private final ModelZooConfig config;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();

    public ObjectStoreHealthCheck(ObjectStore objects, ModelZooConfig config) {
        this.objects = objects;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("object-store")
                .withData("endpoint", config.storage().url())
                .withData("bucket", config.storage().bucket());
        CompletableFuture<Void> probe = inFlight.updateAndGet(current -> current != null && !current.isDone()
                ? current : CompletableFuture.runAsync(objects::ensureBucket, ObjectStoreHealthCheck::probeThread));
        try {
            probe.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return response.up().build();
        } catch (TimeoutException e) {
            return response.down().withData("error", "the object store did not answer within "
                    + ANSWER_WITHIN.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return response.down().withData("error", String.valueOf(e.getCause().getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }

    /** A daemon thread per probe: probes are rare and at most one runs, a pool would only hold a hung one. */
    private static void probeThread(Runnable probe) {
        Thread thread = new Thread(probe, "object-store-probe");
        thread.setDaemon(true);
        thread.start();
    }
}
