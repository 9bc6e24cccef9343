package io.github.stickyuploads.web;

import io.github.stickyuploads.internal.web.FailureMapper;
import io.github.stickyuploads.internal.web.UploadEndpointFeature;
import io.github.stickyuploads.internal.web.WebApplicationExceptionMapper;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
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

    /** Where the endpoints live, below the context root. */
    public static final String PATH = "sticky-uploads";

    /**
     * A property of this application's configuration; resources of the library answer 404 in any
     * application that lacks it.
     */
    public static final String OWN_APPLICATION = "io.github.stickyuploads.application";

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(Set.of(DefaultUploadResource.class, UploadEndpointFeature.class,
                WebApplicationExceptionMapper.class, FailureMapper.class));
        BeanManager beans = CDI.current().getBeanManager();
        for (Bean<?> bean : beans.getBeans(UploadResource.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                classes.add(bean.getBeanClass());
            }
        }
        return classes;
    }

    @Override
    public Map<String, Object> getProperties() {
        // No WADL: every answer of these endpoints is JSON.
        return Map.of(OWN_APPLICATION, Boolean.TRUE, "jersey.config.server.wadl.disableWadl", Boolean.TRUE);
    }
}
