/**
 * sticky-uploads: file inputs whose files survive a failed form validation. A file is uploaded in the background
 * the moment it is picked, kept in temporary storage, and the form carries a signed token instead of the bytes.
 *
 * <p>What an application touches here: {@link io.github.stickyuploads.StickyFile}, the file a form received;
 * {@link io.github.stickyuploads.StickyFiles}, which turns a token back into it where the form is not a Faces form;
 * {@link io.github.stickyuploads.UploadEvent}, the CDI events of an upload's life; and
 * {@link io.github.stickyuploads.UploadGoneException}, for a file released before it was read.
 *
 * <h2>Usage</h2>
 * <pre>
 * &lt;sticky:upload id="resume" value="#{jobApplication.resume}" required="true" label="Résumé"/&gt;
 * </pre>
 * <pre>
 * resume.transferTo(Path.of("/srv/applications", UUID.randomUUID() + ".pdf"));
 * resume.delete();
 * </pre>
 * The other public packages: {@link io.github.stickyuploads.config} (settings), {@link io.github.stickyuploads.storage}
 * (where uploads wait), {@link io.github.stickyuploads.security} (who may upload), {@link io.github.stickyuploads.web}
 * (the endpoints) and {@link io.github.stickyuploads.faces} (the tag). Everything below {@code internal} is not API.
 *
 * @since 0.1
 */
package io.github.stickyuploads;
