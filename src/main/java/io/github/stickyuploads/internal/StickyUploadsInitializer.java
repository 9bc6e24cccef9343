package io.github.stickyuploads.internal;

import io.github.stickyuploads.internal.form.FormPostFilter;
import io.github.stickyuploads.internal.form.FormRequest;
import io.github.stickyuploads.internal.web.EndpointGate;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.EnumSet;
import java.util.Set;

/**
 * Puts the {@link EndpointGate} in front of the upload endpoints and the {@link FormPostFilter} in front of the
 * Faces servlet, ends every form post's {@link FormRequest} with it, and checks the whole setup when the web
 * application starts, where its naming context exists: a failure stops the web application from starting.
 * Registered through {@code META-INF/services}, so it works also with a metadata-complete {@code web.xml}.
 */
public class StickyUploadsInitializer implements ServletContainerInitializer {

    private static final String GATE = "sticky-uploads-gate";
    private static final String FORM_POSTS = "sticky-uploads-form-posts";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        FilterRegistration.Dynamic gate = context.addFilter(GATE, EndpointGate.class);
        if (gate != null) { // null: registered already, by an earlier start of the same context
            gate.setAsyncSupported(true);
            gate.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, EndpointGate.URL_PATTERN);
        }
        FilterRegistration.Dynamic formPosts = context.addFilter(FORM_POSTS, FormPostFilter.class);
        if (formPosts != null) {
            formPosts.setAsyncSupported(true);
            formPosts.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        }
        context.addListener(FormRequest.Cleanup.class);
        context.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                Instance<StartupCheck> check;
                try {
                    check = CDI.current().select(StartupCheck.class);
                } catch (IllegalStateException noCdi) {
                    return; // a web application without CDI, hence without this library's beans
                }
                if (check.isResolvable()) {
                    check.get().webApplicationStarted(event.getServletContext().getContextPath());
                }
            }
        });
    }
}
