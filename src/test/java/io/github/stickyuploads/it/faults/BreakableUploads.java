package io.github.stickyuploads.it.faults;

import io.github.stickyuploads.web.UploadResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** An endpoint on the breakable storage: /sticky-uploads/breakable. */
@Path("breakable")
@RequestScoped
public class BreakableUploads extends UploadResource {

    @Override
    protected String storageName() {
        return "breakable";
    }
}
