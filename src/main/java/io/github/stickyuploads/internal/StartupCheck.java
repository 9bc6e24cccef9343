package io.github.stickyuploads.internal;

import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.token.TokenService;
import io.github.stickyuploads.internal.upload.StorageRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Reads the whole configuration while the application starts, so that a bad value stops the deployment
 * with a message naming the key instead of failing the first upload; then starts the purge of expired
 * uploads.
 */
@ApplicationScoped
public class StartupCheck {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, StickyUploadsConfig config,
                 StorageRegistry storages, TokenService tokens, ExpiredUploadsPurger purger) {
        storages.configured();
        purger.start();
        LOG.info(() -> "sticky-uploads ready: storage " + config.storage() + ", max-size " + config.maxSize()
                + ", allowed types " + config.allowedTypes() + ", expiry " + config.expiry()
                + ", secret " + tokens.secretSource());
    }
}
