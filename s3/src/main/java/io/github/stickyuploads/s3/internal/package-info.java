/**
 * How the s3 storage works inside: the SDK client and its settings, the key layout, the streaming writer, the
 * exactly-once delete, and the listings behind quotas and purges. {@code S3Storage}
 * puts them together.
 *
 * <p>Nothing here depends on the public package {@code io.github.stickyuploads.s3}: what a piece needs of the
 * settings it is handed as plain values, so that the packages form no cycle (PackageCyclesTest checks it).
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.s3.internal;
