package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.config.StickyUploadsConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    TemporaryUploads uploads;

    private ScheduledFuture<?> schedule;

    /** Starts the periodic purge; the first runs at once, which also clears what a crash left behind. */
    public synchronized void start() {
        if (schedule == null) {
            long interval = config.cleanupInterval().toMillis();
            schedule = scheduler().scheduleAtFixedRate(this::purgeSafely, 0, interval, TimeUnit.MILLISECONDS);
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

    /** Keeps the schedule alive whatever a run meets: a failed run is retried at the next interval. */
    private void purgeSafely() {
        try {
            uploads.purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A purge of expired uploads failed", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
