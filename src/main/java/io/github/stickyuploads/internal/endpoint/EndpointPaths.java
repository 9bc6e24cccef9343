package io.github.stickyuploads.internal.endpoint;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The one spelling of an upload endpoint's path that tokens are bound to and endpoints are found by. */
public final class EndpointPaths {

    /** Where every upload endpoint answers, below the context root: the library's JAX-RS application path. */
    public static final String APPLICATION_PATH = "sticky-uploads";

    private EndpointPaths() {
    }

    /**
     * @param url an endpoint as a path ({@code /app/sticky-uploads/default}) or an absolute URL
     * @return its path without dot segments, repeated slashes or a trailing slash, so that every spelling of one
     *         endpoint binds the same tokens
     * @throws IllegalArgumentException if it is not a URL
     */
    public static String normalize(String url) {
        String path = URI.create(url.trim()).normalize().getRawPath();
        return join(path == null ? "" : path);
    }

    /**
     * @param segments path pieces, each with or without slashes, e.g. the context path, the application path
     *        and the resource's path
     * @return them as one path that starts with a slash and does not end with one
     */
    public static String join(String... segments) {
        String joined = Arrays.stream(String.join("/", segments).split("/+"))
                .filter(segment -> !segment.isEmpty()).collect(Collectors.joining("/"));
        return "/" + joined;
    }
}
