package io.github.stickyuploads.benchmark;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's own resources, at /bench. */
@ApplicationPath("bench")
public class BenchApplication extends Application {
}
