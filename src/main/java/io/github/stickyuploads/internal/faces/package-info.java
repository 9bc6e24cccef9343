/**
 * The form post's side of the Faces tag: reading its body, deciding each input's files, and the end of its request.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.faces;
