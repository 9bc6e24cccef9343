package io.github.stickyuploads.it.events;

import io.github.stickyuploads.UploadEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application that observes every upload event and shows them at /api/events, one line each. */
@ApplicationScoped
@Path("events")
public class EventLog {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    void record(@Observes UploadEvent event) {
        lines.add(event.getClass().getSimpleName() + " " + event.storage() + " " + event.owner() + " " + event.filename()
                + " " + event.contentType() + " " + event.size());
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String lines() {
        return String.join("\n", lines);
    }
}
