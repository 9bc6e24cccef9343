package io.github.stickyuploads.s3.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application's own JAX-RS application that, like most, takes every resource the container finds. */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
