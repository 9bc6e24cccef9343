package io.github.stickyuploads.internal;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.token.TokenService;
import io.github.stickyuploads.internal.upload.StorageRegistry;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Reads the whole configuration while the application starts, so that a bad value stops the deployment
 * with a message naming the key instead of failing the first upload; once the web application runs,
 * verifies the storage and starts the purge of expired uploads.
 */
@ApplicationScoped
public class StartupCheck {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    @Inject
    StorageRegistry storages;

    @Inject
    ExpiredUploadsPurger purger;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, StickyUploadsConfig config,
                 TokenService tokens) {
        UploadStorage storage = storages.configured();
        boolean shared;
        try {
            shared = storage.isSharedBetweenServers(); // the first call creates the storage bean
        } catch (RuntimeException e) {
            throw configurationProblemIn(e);
        }
        if (shared && config.secret().isEmpty()) {
            throw new InvalidConfigurationException(StickyUploadsConfig.SECRET, "the storage '" + config.storage()
                    + "' is shared between servers, so they need one secret: set " + StickyUploadsConfig.SECRET
                    + " to the same base64 key on every server (generate one with 'openssl rand -base64 32')");
        }
        LOG.info(() -> "sticky-uploads ready: storage " + config.storage() + ", max-size " + config.maxSize()
                + ", allowed types " + config.allowedTypes() + ", expiry " + config.expiry()
                + ", secret " + tokens.secretSource());
    }

    /**
     * Lets the configured storage check what only the running web application can show (a {@code java:app}
     * DataSource, say), then starts the purge of expired uploads; called by {@link StickyUploadsInitializer}
     * when the web application starts, since before that its {@code java:app} names do not resolve.
     *
     * @throws InvalidConfigurationException if the storage cannot work as configured
     */
    public void webApplicationStarted() {
        try {
            storages.configured().verify();
        } catch (RuntimeException e) {
            throw configurationProblemIn(e);
        }
        purger.start();
    }

    /** A storage's configuration error arrives wrapped by CDI; the deployment error should name the key first. */
    private static RuntimeException configurationProblemIn(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationException invalid) {
                return invalid;
            }
        }
        return e;
    }
}
