package io.github.stickyuploads.internal.endpoint;

import java.util.List;

/**
 * Describes the endpoints an application has. The JAX-RS layer implements it, so that this package needs to
 * know nothing of JAX-RS resources.
 */
public interface EndpointSource {

    /**
     * @param contextPath the application's context path, {@code ""} for the root
     * @return every endpoint
     */
    List<UploadEndpoint> endpoints(String contextPath);
}
