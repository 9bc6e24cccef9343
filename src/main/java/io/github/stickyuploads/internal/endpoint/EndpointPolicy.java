package io.github.stickyuploads.internal.endpoint;

import jakarta.ws.rs.core.SecurityContext;

/** Who an endpoint lets upload, beyond its roles: the endpoint's own rule or the application's {@code UploadPolicy}. */
@FunctionalInterface
public interface EndpointPolicy {

    /**
     * @param security the caller, authenticated
     * @return whether the caller may upload here
     */
    boolean allows(SecurityContext security);
}
