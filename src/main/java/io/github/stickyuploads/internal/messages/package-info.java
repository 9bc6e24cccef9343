/**
 * The library's texts in the request's or the view's language, with the application's overrides.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.messages;
