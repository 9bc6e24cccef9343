package io.github.stickyuploads.internal;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.store.ExpiredUploadsPurger;
import io.github.stickyuploads.internal.store.StorageRegistry;
import io.github.stickyuploads.internal.store.TokenKeys;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Checks the whole setup while the web application starts, so that a bad value stops the deployment with a
 * message naming the key instead of failing the first upload: the configuration, the endpoints, each endpoint's
 * storage (a shared one needs a configured secret), the signing secret; then starts the purge of expired uploads.
 */
@ApplicationScoped
public class StartupCheck {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    @Inject
    StickyUploadsConfig config;

    @Inject
    UploadEndpoints endpoints;

    @Inject
    StorageRegistry storages;

    @Inject
    TokenKeys keys;

    @Inject
    ExpiredUploadsPurger purger;

    /**
     * @param contextPath the web application's context path
     * @throws InvalidConfigurationException if anything cannot work as configured
     */
    public void webApplicationStarted(String contextPath) {
        try {
            endpoints.start(contextPath);
            Collection<UploadEndpoint> all = endpoints.all();
            Set<String> storageNames = all.stream().map(UploadEndpoint::storage).collect(Collectors.toCollection(TreeSet::new));
            for (String name : storageNames) {
                UploadStorage storage = storages.required(name);
                if (storage.isSharedBetweenServers() && config.secret().isEmpty()) {
                    throw new InvalidConfigurationException(StickyUploadsConfig.SECRET, "the storage '" + name
                            + "' is shared between servers, so they need one secret: set " + StickyUploadsConfig.SECRET
                            + " to the same base64 key on every server (generate one with 'openssl rand -base64 32')");
                }
                storage.verify();
            }
            String secret = keys.secretSource();
            LOG.info(() -> "sticky-uploads ready for " + config.application() + ": endpoints " + all.stream()
                    .map(endpoint -> endpoint.path() + " (storage " + endpoint.storage() + ", max-size "
                            + endpoint.limits().maxSize() + ", types " + endpoint.limits().allowedTypes() + ")")
                    .collect(Collectors.joining(", ")) + "; expiry " + config.expiry() + ", secret " + secret);
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
