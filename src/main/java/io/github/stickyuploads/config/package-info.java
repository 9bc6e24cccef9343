/**
 * The library's settings, read from MicroProfile Config when the application starts: every key is a constant of
 * {@link io.github.stickyuploads.config.StickyUploadsConfig}, and a value the library cannot use stops the
 * deployment with an {@link io.github.stickyuploads.config.InvalidConfigurationException} naming the key.
 *
 * <h2>Usage</h2>
 * <pre>
 * stickyuploads.max-size=5M
 * stickyuploads.allowed-types=application/pdf, image/*
 * </pre>
 *
 * @since 0.1
 */
package io.github.stickyuploads.config;
