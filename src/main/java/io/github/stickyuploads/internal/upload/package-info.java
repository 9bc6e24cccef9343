/**
 * The one upload pipeline that both roads take: admit, inspect, store, mint; refusals as domain values.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.upload;
