package io.github.stickyuploads.web;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.MediaTypeRange;
import io.github.stickyuploads.internal.endpoint.EndpointPaths;
import io.github.stickyuploads.internal.endpoint.EndpointSource;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadLimits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Describes every {@link UploadResource} bean with a {@code @Path} as an endpoint: its path below
 * {@value StickyUploadsApplication#PATH}, its {@code @RolesAllowed}, and what its overridable methods say, read
 * once with the request context active (so that {@code @RequestScoped} resources work as well as
 * {@code @Dependent} ones); its {@link UploadResource#isUploadAllowed} is asked for every request.
 */
@Dependent
class ResourceEndpoints implements EndpointSource {

    /** The role that stands for any authenticated user in Jakarta Security; the same as no roles here. */
    private static final String ANY_AUTHENTICATED_USER = "**";

    @Inject
    BeanManager beans;

    @Inject
    @Any
    Instance<UploadResource> resources;

    @Inject
    RequestContextController requestContext;

    @Override
    public List<UploadEndpoint> endpoints(String contextPath) {
        List<UploadEndpoint> endpoints = new ArrayList<>();
        boolean activated = requestContext.activate();
        try {
            for (Bean<?> bean : beans.getBeans(UploadResource.class, Any.Literal.INSTANCE)) {
                Class<? extends UploadResource> type = bean.getBeanClass().asSubclass(UploadResource.class);
                Path path = type.getAnnotation(Path.class);
                if (path != null) {
                    endpoints.add(describe(type, path.value(), contextPath));
                }
            }
        } finally {
            if (activated) {
                requestContext.deactivate();
            }
        }
        return endpoints;
    }

    private UploadEndpoint describe(Class<? extends UploadResource> type, String path, String contextPath) {
        if (path.contains("{") || path.contains(";")) {
            throw new IllegalStateException("The upload endpoint " + type.getName() + " has the @Path '" + path
                    + "'; an upload endpoint's path is a plain name such as \"avatars\"");
        }
        refuseOverrides(type);
        Instance<? extends UploadResource> resource = resources.select(type); // resolved once, asked on every upload
        String storage = withResource(resource, UploadResource::storageName);
        DataSize maxSize = withResource(resource, UploadResource::maxSize);
        List<MediaTypeRange> allowedTypes = withResource(resource, UploadResource::allowedTypes);
        return new UploadEndpoint(EndpointPaths.join(contextPath, StickyUploadsApplication.PATH, path), storage,
                roles(type), new UploadLimits(maxSize, allowedTypes),
                security -> withResource(resource, endpoint -> endpoint.isUploadAllowed(security)), type);
    }

    /** The upload and release methods are the one road into the pipeline; an override would leave it. */
    private static void refuseOverrides(Class<?> type) {
        for (Class<?> c = type; c != UploadResource.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if ((method.getName().equals("upload") || method.getName().equals("release")) && !method.isSynthetic()) {
                    throw new IllegalStateException("The upload endpoint " + type.getName() + " overrides " + method.getName()
                            + "(); override storageName(), isUploadAllowed(), maxSize() or allowedTypes() instead");
                }
            }
        }
    }

    /** @return the roles of the nearest {@code @RolesAllowed} on the class or its superclasses; empty for any user */
    private static Set<String> roles(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            RolesAllowed roles = c.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                Set<String> names = Set.of(roles.value());
                return names.contains(ANY_AUTHENTICATED_USER) ? Set.of() : names;
            }
        }
        return Set.of();
    }

    /** Calls an instance of the resource and, for a {@code @Dependent} one, destroys it afterwards. */
    private static <T> T withResource(Instance<? extends UploadResource> resource, Function<UploadResource, T> call) {
        Instance.Handle<? extends UploadResource> handle = resource.getHandle();
        try {
            return call.apply(handle.get());
        } finally {
            if (handle.getBean().getScope() == Dependent.class) {
                handle.destroy();
            }
        }
    }
}
