/**
 * Folders and files private to the server's user, and the checks on those the library finds.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.files;
