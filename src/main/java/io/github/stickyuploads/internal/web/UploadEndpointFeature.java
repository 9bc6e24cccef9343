package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.web.StickyUploadsApplication;
import io.github.stickyuploads.web.UploadResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Guards every method of an {@link UploadResource}: with the {@link AccessFilter} inside the library's own
 * JAX-RS application, and with a plain 404 inside any other application of the WAR, which may have found
 * the resource by classpath scanning. That keeps each endpoint exposed exactly once, at
 * {@code /sticky-uploads/...}.
 */
@Provider
public class UploadEndpointFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Class<?> type = resource.getResourceClass();
        if (type == null || !UploadResource.class.isAssignableFrom(type)) {
            return;
        }
        if (!Boolean.TRUE.equals(context.getConfiguration().getProperty(StickyUploadsApplication.OWN_APPLICATION))) {
            context.register((ContainerRequestFilter) request -> request.abortWith(JsonAnswers.error(404, JsonAnswers.ALL,
                    Messages.get("request.not-found", request.getAcceptableLanguages()))), Priorities.AUTHENTICATION - 10);
            return;
        }
        // Before the container's own @RolesAllowed filter (AUTHORIZATION), which would answer an anonymous
        // request with its authentication mechanism's challenge: an HTML page, or a redirect to a login form.
        context.register(new AccessFilter(rolesOf(resource.getResourceMethod(), type)), Priorities.AUTHENTICATION);
    }

    /**
     * @return the roles of the method's {@code @RolesAllowed}, else of the nearest class's, else any
     *         authenticated user: an upload always has an owner, so there is no anonymous endpoint
     */
    private static Set<String> rolesOf(Method method, Class<?> type) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        for (Class<?> c = type; roles == null && c != null; c = c.getSuperclass()) {
            roles = c.getAnnotation(RolesAllowed.class);
        }
        return roles == null ? Set.of(AccessFilter.ANY_AUTHENTICATED_USER) : Set.of(roles.value());
    }
}
