/**
 * The HTTP side of the endpoints: the gate in front of them, their two methods, and the one mapping of refusals to answers.
 *
 * <p>Not API: anything here may change in any release.
 */
package io.github.stickyuploads.internal.web;
