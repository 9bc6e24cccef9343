/**
 * The {@code <sticky:upload>} Faces tag: {@link io.github.stickyuploads.faces.StickyUploadComponent} behind the
 * composite {@code jakarta.faces.composite/sticky}.
 *
 * <h2>Usage</h2>
 * <pre>
 * &lt;html xmlns:sticky="jakarta.faces.composite/sticky" ...&gt;
 * &lt;h:form enctype="multipart/form-data"&gt;
 *   &lt;sticky:upload id="resume" value="#{jobApplication.resume}" required="true" label="Résumé"/&gt;
 * &lt;/h:form&gt;
 * </pre>
 *
 * @since 0.1
 */
package io.github.stickyuploads.faces;
