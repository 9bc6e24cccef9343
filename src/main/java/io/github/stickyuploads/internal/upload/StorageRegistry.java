package io.github.stickyuploads.internal.upload;

import io.github.stickyuploads.config.InvalidConfigurationException;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.storage.UploadStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds storages by their CDI {@code @Named} name: the built-ins and every {@link UploadStorage} bean of
 * the application. Tokens carry that name, so a token is read back from the storage that minted it.
 */
@ApplicationScoped
public class StorageRegistry {

    @Inject
    @Any
    Instance<UploadStorage> storages;

    @Inject
    StickyUploadsConfig config;

    private final java.util.Set<String> inUse = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @return the storage that {@value StickyUploadsConfig#STORAGE} names
     * @throws InvalidConfigurationException if there is no such storage
     */
    public UploadStorage configured() {
        return named(config.storage()).orElseThrow(() -> new InvalidConfigurationException(StickyUploadsConfig.STORAGE,
                "there is no storage named '" + config.storage() + "'; known storages: " + String.join(", ", names())
                        + " (or the @Named name of your own UploadStorage bean)"));
    }

    /**
     * @param name a storage name, possibly from a token
     * @return the storage, or empty if none has that name
     * @throws InvalidConfigurationException if several storages have that name
     */
    public Optional<UploadStorage> named(String name) {
        Instance<UploadStorage> candidates = storages.select(NamedLiteral.of(name));
        if (candidates.isAmbiguous()) {
            throw new InvalidConfigurationException(StickyUploadsConfig.STORAGE,
                    "several UploadStorage beans are named '" + name + "'; give each a name of its own");
        }
        if (!candidates.isResolvable()) {
            return Optional.empty();
        }
        inUse.add(name);
        return Optional.of(candidates.get());
    }

    /**
     * @return the storages this application has used since it started (the configured one at least), by name:
     *         the ones to purge. Storages it never touched are left alone, so that, say, a database table is
     *         never created for a storage nobody selected.
     */
    public java.util.Map<String, UploadStorage> inUse() {
        java.util.Map<String, UploadStorage> used = new java.util.TreeMap<>();
        inUse.forEach(name -> named(name).ifPresent(storage -> used.put(name, storage)));
        return used;
    }

    private TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>();
        storages.handles().forEach(handle -> {
            if (handle.getBean().getName() != null) {
                names.add(handle.getBean().getName());
            }
        });
        return names;
    }
}
