package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds storages by their CDI {@code @Named} name: the built-ins and every {@link UploadStorage} bean of
 * the application. Tokens carry that name, so a token is read back from the storage that minted it.
 */
@ApplicationScoped
public class StorageRegistry {

    /** The storage of the separate {@code sticky-uploads-s3} artifact, named in the message when it is missing. */
    private static final String S3 = "s3";

    @Inject
    @Any
    Instance<UploadStorage> storages;

    /**
     * Each name is resolved once: a lookup on every call showed in the profile of small uploads, and a
     * {@code @Dependent} storage would have been created anew, and never destroyed, on every call.
     */
    private final Map<String, UploadStorage> resolved = new ConcurrentHashMap<>();

    /**
     * @param name the storage an endpoint names
     * @return the storage
     * @throws InvalidConfigurationException if there is no such storage
     */
    public UploadStorage required(String name) {
        return named(name).orElseThrow(() -> new InvalidConfigurationException(StickyUploadsConfig.STORAGE,
                "there is no storage named '" + name + "'; known storages: " + String.join(", ", names())
                        + (S3.equals(name) ? "; the s3 storage comes with the artifact io.github.stickyuploads:sticky-uploads-s3"
                        : " (or the @Named name of your own UploadStorage bean)")));
    }

    /**
     * @param name a storage name, possibly from a token
     * @return the storage, or empty if none has that name
     * @throws InvalidConfigurationException if several storages have that name
     */
    public Optional<UploadStorage> named(String name) {
        UploadStorage known = resolved.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Instance<UploadStorage> candidates = storages.select(NamedLiteral.of(name));
        if (candidates.isAmbiguous()) {
            throw new InvalidConfigurationException(StickyUploadsConfig.STORAGE,
                    "several UploadStorage beans are named '" + name + "'; give each a name of its own");
        }
        if (!candidates.isResolvable()) {
            return Optional.empty(); // not remembered: names from forged tokens must not fill the map
        }
        return Optional.of(resolved.computeIfAbsent(name, resolvable -> candidates.get()));
    }

    /**
     * @return the storages this application has used since it started (every endpoint's at least), by name: the
     *         ones to purge. Storages it never touched are left alone, so that, say, a database table is never
     *         created for a storage nobody selected.
     */
    public Map<String, UploadStorage> inUse() {
        return new TreeMap<>(resolved);
    }

    private Set<String> names() {
        Set<String> names = new TreeSet<>();
        storages.handles().forEach(handle -> {
            if (handle.getBean().getName() != null) {
                names.add(handle.getBean().getName());
            }
        });
        return names;
    }
}
