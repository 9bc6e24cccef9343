package io.github.stickyuploads.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Has the configured storage verify itself, and starts the purge, when a web application that holds the jar
 * starts, where the application's naming context exists (CDI's own startup event comes too early for
 * {@code java:app} names).
 * Registered through {@code META-INF/services}, so it works also with a metadata-complete {@code web.xml};
 * a failure stops the web application from starting.
 */
public class StickyUploadsInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
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
                    check.get().webApplicationStarted();
                }
            }
        });
    }
}
