/**
 * Tokens, purely: their codec, claims, keys and the reasons a token gives no file. No storage, no events.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.token;
