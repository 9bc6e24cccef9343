package io.github.stickyuploads.s3.it.app;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.web.UploadResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** A second endpoint on the same s3 storage with a limit of 12 MB, which a file breaks in its second part. */
@Path("small")
@RequestScoped
public class SmallUploads extends UploadResource {

    @Override
    protected DataSize maxSize() {
        return DataSize.parse("12M");
    }
}
