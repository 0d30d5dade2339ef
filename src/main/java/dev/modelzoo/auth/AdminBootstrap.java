package dev.modelzoo.auth;

import dev.modelzoo.config.ModelZooConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

/** Creates the bootstrap administrator at start and prints its token the one time it is generated. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final TokenService tokens;
    private final ModelZooConfig config;

    public AdminBootstrap(TokenService tokens, ModelZooConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        try {
            tokens.bootstrapAdmin(config.admin().token()).ifPresent(token -> LOG.infof(
                    "%n%n    Bootstrap admin token (shown once, store it now): %s%n", token));
        } catch (PersistenceException e) {
            // another replica created the admin at the same moment; one admin is all we need
            LOG.debugf("Admin bootstrap raced with another instance: %s", e.getMessage());
        }
    }
}
