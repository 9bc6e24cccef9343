package io.github.stickyuploads.it.ownapp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application's own JAX-RS application that, like most, takes every resource the container finds. */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
