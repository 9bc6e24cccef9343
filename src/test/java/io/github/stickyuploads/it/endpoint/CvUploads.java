package io.github.stickyuploads.it.endpoint;

import io.github.stickyuploads.web.UploadResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** A second endpoint, for staff only, keeping its files in a storage of its own. */
@Path("cv")
@RequestScoped
@RolesAllowed("staff")
public class CvUploads extends UploadResource {

    @Override
    protected String storageName() {
        return CvStorage.NAME;
    }
}
