package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusal.Reason;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Keeps each upload endpoint exposed exactly once, at {@code /sticky-uploads/...}: inside any JAX-RS application
 * of the WAR other than the library's own (one that found the resources by classpath scanning), every method of
 * an upload endpoint answers a plain 404.
 */
@Provider
public class UploadEndpointFeature implements DynamicFeature {

    /** A property of the library's own JAX-RS application; every other application lacks it. */
    public static final String OWN_APPLICATION = "io.github.stickyuploads.application";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Class<?> type = resource.getResourceClass();
        if (type == null || Boolean.TRUE.equals(context.getConfiguration().getProperty(OWN_APPLICATION))
                || CDI.current().select(UploadEndpoints.class).get().forResource(type).isEmpty()) {
            return;
        }
        context.register((ContainerRequestFilter) request -> request.abortWith(
                HttpAnswers.refused(UploadRefusal.of(Reason.NOT_FOUND), List.of())), Priorities.AUTHENTICATION - 10);
    }
}
