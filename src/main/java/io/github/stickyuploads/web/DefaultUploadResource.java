package io.github.stickyuploads.web;

import jakarta.enterprise.context.Dependent;
import jakarta.ws.rs.Path;

/**
 * The library's endpoint: {@code POST} and {@code DELETE} at {@code {context-root}/sticky-uploads/default},
 * with the configured storage and the {@link io.github.stickyuploads.security.UploadPolicy}. It is final so
 * that no subclass can stand in for it when JAX-RS asks CDI for it; to make an endpoint of your own, extend
 * {@link UploadResource}.
 *
 * @since 0.1
 */
@Path(DefaultUploadResource.PATH)
@Dependent
public final class DefaultUploadResource extends UploadResource {

    /**
     * The path of this endpoint below {@value StickyUploadsApplication#PATH}.
     *
     * @since 0.1
     */
    public static final String PATH = "default";
}
