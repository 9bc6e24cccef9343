package io.github.stickyuploads.internal.endpoint;

import java.util.Objects;
import java.util.Set;

/**
 * One upload endpoint, described once when the application starts: where it answers, where it keeps its files,
 * who may use it and what it accepts. Both roads a file takes (the background upload and the form post without
 * JavaScript) obey it, and tokens are bound to its path.
 *
 * @param path the normalised path, context path included, e.g. {@code /app/sticky-uploads/default}
 * @param storage the name of the storage it keeps files in
 * @param roles the roles of which a caller needs one; empty for any authenticated user
 * @param limits the size and types it accepts
 * @param policy the rule it asks after the roles
 * @param resourceClass the JAX-RS resource class that serves it
 */
public record UploadEndpoint(String path, String storage, Set<String> roles, UploadLimits limits, EndpointPolicy policy,
                             Class<?> resourceClass) {

    /** Checks and copies. */
    public UploadEndpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(storage, "storage");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(resourceClass, "resourceClass");
    }

    @Override
    public String toString() {
        return path;
    }
}
