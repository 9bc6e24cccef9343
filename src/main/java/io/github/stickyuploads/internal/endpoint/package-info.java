/**
 * The endpoint model: each upload endpoint described once, at startup, and found by the path its tokens are bound to.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.endpoint;
