package io.github.stickyuploads.it.script;

import io.github.stickyuploads.web.UploadResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** An endpoint whose uploads take seconds: /sticky-uploads/slow. */
@Path("slow")
@RequestScoped
public class SlowUploads extends UploadResource {

    @Override
    protected String storageName() {
        return SlowStorage.NAME;
    }
}
