package io.github.stickyuploads.internal;

import io.github.stickyuploads.UploadEvent;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.upload.StorageRegistry;
import io.github.stickyuploads.storage.ExpiredUpload;
import io.github.stickyuploads.storage.UploadMetadata;
import jakarta.enterprise.event.Event;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Purges expired uploads from every storage the application uses every
 * {@value StickyUploadsConfig#CLEANUP_INTERVAL}, on the container's managed scheduler, for as long as the
 * application runs. The storages make a purge safe to run on several servers at once.
 */
@ApplicationScoped
public class ExpiredUploadsPurger {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");
    private static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    StickyUploadsConfig config;

    @Inject
    StorageRegistry storages;

    @Inject
    Event<UploadEvent> events;

    private ScheduledFuture<?> schedule;

    /** Starts the periodic purge; the first runs at once, which also clears what a crash left behind. */
    public synchronized void start() {
        if (schedule == null) {
            long interval = config.cleanupInterval().toMillis();
            schedule = scheduler().scheduleAtFixedRate(this::purge, 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The platform's default scheduler, looked up rather than injected with {@code @Resource}: Payara does not
     * resolve resource injection in beans of a library jar.
     */
    private static ManagedScheduledExecutorService scheduler() {
        try {
            return InitialContext.doLookup(DEFAULT_SCHEDULER);
        } catch (NamingException e) {
            throw new IllegalStateException("The container has no " + DEFAULT_SCHEDULER
                    + " (Jakarta Concurrency), which purges expired uploads", e);
        }
    }

    /** Removes every expired upload now. */
    public void purge() {
        Instant now = Instant.now();
        storages.inUse().forEach((name, storage) -> {
            try {
                List<ExpiredUpload> purged = storage.purgeExpired(now);
                if (!purged.isEmpty()) {
                    LOG.info(() -> "Purged " + purged.size() + " expired uploads from storage " + name);
                }
                for (ExpiredUpload upload : purged) {
                    UploadMetadata metadata = upload.metadata();
                    events.fire(new UploadEvent.Expired(name, metadata.owner(), metadata.filename(), metadata.contentType(),
                            upload.size()));
                }
            } catch (Exception e) {
                // Keep the schedule alive: a storage that is down now is purged on a later run.
                LOG.log(Level.WARNING, "Could not purge expired uploads from storage " + name, e);
            }
        });
    }

    @PreDestroy
    synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
