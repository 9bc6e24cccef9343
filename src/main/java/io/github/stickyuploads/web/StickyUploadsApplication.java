package io.github.stickyuploads.web;

import io.github.stickyuploads.internal.endpoint.EndpointPaths;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.web.FailureMapper;
import io.github.stickyuploads.internal.web.UploadEndpointFeature;
import io.github.stickyuploads.internal.web.WebApplicationExceptionMapper;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The library's own JAX-RS application at {@code {context-root}/sticky-uploads}. It is found by the
 * container in {@code WEB-INF/lib}, so the endpoint needs no configuration, and it lives beside any
 * application of your own without taking its resources: it serves the {@link DefaultUploadResource} and every
 * subclass of {@link UploadResource} that is a CDI bean with a {@code @Path} of its own, and nothing else.
 *
 * @since 0.1
 */
@ApplicationPath(StickyUploadsApplication.PATH)
public class StickyUploadsApplication extends Application {

    /**
     * Where the endpoints live, below the context root.
     *
     * @since 0.1
     */
    public static final String PATH = EndpointPaths.APPLICATION_PATH;

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(Set.of(UploadEndpointFeature.class, WebApplicationExceptionMapper.class,
                FailureMapper.class));
        for (UploadEndpoint endpoint : CDI.current().select(UploadEndpoints.class).get().all()) {
            classes.add(endpoint.resourceClass());
        }
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        // No WADL: every answer of these endpoints is JSON.
        return Map.of(UploadEndpointFeature.OWN_APPLICATION, Boolean.TRUE, "jersey.config.server.wadl.disableWadl", Boolean.TRUE);
    }
}
