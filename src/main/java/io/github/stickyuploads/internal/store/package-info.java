/**
 * The one owner of a temporary upload's life: store, resolve, read, release, purge, and the only publisher of its events.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.store;
