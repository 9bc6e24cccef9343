package io.github.stickyuploads.internal.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The application's upload endpoints, found once when the web application starts and looked up by the
 * normalised path that tokens are bound to, or by the resource class that serves them.
 */
@ApplicationScoped
public class UploadEndpoints {

    @Inject
    Instance<EndpointSource> sources;

    private volatile Map<String, UploadEndpoint> byPath;

    /**
     * Finds the endpoints, once, when the web application starts: before any request, filter or servlet (the
     * JAX-RS one included) of the application asks for them.
     *
     * @param contextPath the application's context path, {@code ""} for the root
     */
    public synchronized void start(String contextPath) {
        if (byPath == null) {
            byPath = discover(contextPath);
        }
    }

    /** @return every endpoint, by path */
    public Collection<UploadEndpoint> all() {
        return endpoints().values();
    }

    /**
     * @param url the endpoint as a tag's {@code url} names it: a path or an absolute URL
     * @return the endpoint
     * @throws IllegalArgumentException if it names no endpoint of this application
     */
    public UploadEndpoint forUrl(String url) {
        String path;
        try {
            path = EndpointPaths.normalize(url);
        } catch (IllegalArgumentException notAUrl) {
            throw unknown(url);
        }
        UploadEndpoint endpoint = endpoints().get(path);
        if (endpoint == null) {
            throw unknown(url);
        }
        return endpoint;
    }

    /**
     * @param path a normalised path, context path included
     * @return the endpoint at exactly that path
     */
    public Optional<UploadEndpoint> forPath(String path) {
        return Optional.ofNullable(endpoints().get(path));
    }

    /**
     * @param type the class of a resource instance, possibly a container's subclass of it
     * @return the endpoint it serves, or empty if it serves none of this application
     */
    public Optional<UploadEndpoint> forResource(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (UploadEndpoint endpoint : endpoints().values()) {
                if (endpoint.resourceClass() == c) {
                    return Optional.of(endpoint);
                }
            }
        }
        return Optional.empty();
    }

    private IllegalArgumentException unknown(String url) {
        return new IllegalArgumentException("The url '" + url + "' names no upload endpoint of this application; "
                + "its endpoints are " + String.join(", ", endpoints().keySet()));
    }

    private Map<String, UploadEndpoint> endpoints() {
        Map<String, UploadEndpoint> endpoints = byPath;
        if (endpoints == null) {
            throw new IllegalStateException("The upload endpoints are asked for before the web application started");
        }
        return endpoints;
    }

    private Map<String, UploadEndpoint> discover(String contextPath) {
        List<UploadEndpoint> found = new ArrayList<>();
        sources.forEach(source -> found.addAll(source.endpoints(contextPath)));
        Map<String, UploadEndpoint> endpoints = new TreeMap<>();
        for (UploadEndpoint endpoint : found) {
            UploadEndpoint other = endpoints.put(endpoint.path(), endpoint);
            if (other != null) {
                throw new IllegalStateException("Two upload endpoints answer at " + endpoint.path() + ": "
                        + other.resourceClass().getName() + " and " + endpoint.resourceClass().getName());
            }
        }
        return Collections.unmodifiableMap(endpoints);
    }
}
