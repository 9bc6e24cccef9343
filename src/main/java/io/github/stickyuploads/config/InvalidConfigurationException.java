package io.github.stickyuploads.config;

/**
 * A {@code stickyuploads.*} setting has a value the library cannot use. Thrown while the application
 * starts, so that the deployment stops with a message naming the key and the values it accepts.
 *
 * @since 0.1
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param key the configuration key, e.g. {@code stickyuploads.max-size}
     * @param problem what is wrong and what is accepted instead
     * @since 0.1
     */
    public InvalidConfigurationException(String key, String problem) {
        super("Invalid configuration " + key + ": " + problem);
    }
}
