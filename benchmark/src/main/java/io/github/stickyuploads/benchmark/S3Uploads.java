package io.github.stickyuploads.benchmark;

import io.github.stickyuploads.web.UploadResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/**
 * The library's endpoint on the s3 storage, at /sticky-uploads/s3: the runner points it at an S3Proxy it starts
 * (system properties {@code stickyuploads.s3.*} of the server).
 */
@Path("s3")
@RequestScoped
public class S3Uploads extends UploadResource {

    @Override
    protected String storageName() {
        return "s3";
    }
}
