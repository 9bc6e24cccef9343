/**
 * Multipart bodies as they stream in (Jetty's parser, turned into a pull), their headers and their bounds.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.multipart;
