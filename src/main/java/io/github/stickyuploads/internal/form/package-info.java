/**
 * The form road: reading a form post's body, deciding what each sticky input holds (for the Faces tag and for
 * {@code StickyFiles.read} alike), and the end of its request.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.form;
