package io.github.stickyuploads.it.faces;

import io.github.stickyuploads.UploadEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lines up a race on purpose: a form's action waits here until some upload is released, and
 * {@code /api/race} tells the test when an action is waiting, so that the test's DELETE lands between the
 * form's decoding and its action every time.
 */
@ApplicationScoped
@Path("race")
public class RaceSignals {

    private final Semaphore released = new Semaphore(0);
    private volatile boolean waiting;

    void onRelease(@Observes UploadEvent.Released event) {
        released.release();
    }

    /** Waits, at most ten seconds, for the next release. */
    public void awaitRelease() throws InterruptedException {
        released.drainPermits();
        waiting = true;
        try {
            released.tryAcquire(10, TimeUnit.SECONDS);
        } finally {
            waiting = false;
        }
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String state() {
        return waiting ? "waiting" : "idle";
    }
}
