/**
 * How the library works inside: its startup checks. The packages below it hold the rest of the machinery.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal;
