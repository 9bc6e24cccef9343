package io.github.stickyuploads.faces;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.token.StoredStickyFile;
import io.github.stickyuploads.internal.web.Messages;
import io.github.stickyuploads.security.UploadPolicy;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.NamingContainer;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.application.FacesMessage;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The component behind the {@code <sticky:upload>} tag: a file input whose file is uploaded in the
 * background and kept across re-renders of the form through a signed token.
 *
 * <h2>Usage</h2>
 * <pre>
 * &lt;html xmlns:h="jakarta.faces.html" xmlns:sticky="jakarta.faces.composite/sticky"&gt;
 * &lt;h:form enctype="multipart/form-data"&gt;
 *   &lt;sticky:upload id="resume" value="#{application.resume}" required="true" label="Résumé"
 *                  accept="application/pdf,.pdf"/&gt;
 *   &lt;h:message for="resume"/&gt;
 * &lt;/h:form&gt;
 * </pre>
 * with a {@link StickyFile} property ({@code List<StickyFile>} with {@code multiple="true"}):
 * <pre>
 * private StickyFile resume;   // getter and setter
 * </pre>
 *
 * <h2>Attributes</h2>
 * {@code value}, {@code required}, {@code label}, {@code url} (default: this application's
 * {@code /sticky-uploads/default}), {@code accept}, {@code multiple}, {@code disabled}, {@code styleClass}.
 * Validators and converters attach as on any input.
 *
 * <p>A user whom the {@link io.github.stickyuploads.security.UploadPolicy} refuses sees the message
 * "You are not allowed to upload files." instead of the file input.
 *
 * <h2>What the value is on submit</h2>
 * In this order: a real file part in the request (the path without JavaScript; it is stored and gets a
 * token too, so it sticks on the next re-render) &gt; Remove ticked &gt; a valid token &gt; nothing. A token
 * that is invalid for any reason counts as no file.
 *
 * @since 0.1
 */
@FacesComponent(StickyUploadComponent.COMPONENT_TYPE)
public class StickyUploadComponent extends UIInput implements NamingContainer {

    /** The component type, named by the composite's {@code cc:interface componentType}. */
    public static final String COMPONENT_TYPE = "io.github.stickyuploads.StickyUpload";

    /** The client id suffix of the native file input. */
    static final String FILE = "file";
    /** The client id suffix of the hidden token input(s). */
    static final String TOKEN = "token";
    /** The client id suffix of the Remove checkbox(es). */
    static final String REMOVE = "remove";

    @Override
    public String getFamily() {
        return UINamingContainer.COMPONENT_FAMILY;
    }

    @Override
    public void decode(FacesContext context) {
        if (disabled()) {
            return;
        }
        setSubmittedValue(FormSubmission.decode(context, this));
    }

    @Override
    protected Object getConvertedValue(FacesContext context, Object submittedValue) {
        FormSubmission submission = (FormSubmission) submittedValue;
        if (submission.problem() != null) {
            String label = label();
            String message = label == null ? submission.problem() : label + ": " + submission.problem();
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
        List<StickyFile> files = List.copyOf(submission.files());
        if (multiple()) {
            return files;
        }
        return files.isEmpty() ? null : files.get(0);
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        super.encodeBegin(context);
        new StickyUploadMarkup(context, this, currentFiles()).write();
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        writer.endElement("div");
        super.encodeEnd(context);
    }

    /** @return whether the current user may upload, as the {@link io.github.stickyuploads.security.UploadPolicy} says */
    boolean uploadAllowed() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return request.getUserPrincipal() != null
                && CDI.current().select(UploadPolicy.class).get().isUploadAllowed(new ServletSecurityContext(request));
    }

    /** @return the largest file the endpoint accepts, for the script's check before sending */
    DataSize maxSize() {
        return CDI.current().select(StickyUploadsConfig.class).get().maxSize();
    }

    /** @return the files to show as "Currently": the submitted ones after a failed submit, else the value */
    List<StoredStickyFile> currentFiles() {
        if (getSubmittedValue() instanceof FormSubmission submission) {
            return submission.files();
        }
        Object value = getValue();
        Collection<?> values = value instanceof Collection<?> collection ? collection : value == null ? List.of() : List.of(value);
        return values.stream().filter(StoredStickyFile.class::isInstance).map(StoredStickyFile.class::cast).toList();
    }

    // Attribute readers: not JavaBean getters, which the attribute map would call back (endless recursion).

    /** @return the endpoint the file input uploads to and the tokens are bound to */
    String url() {
        Object url = getAttributes().get("url");
        if (url != null && !url.toString().isBlank()) {
            return url.toString();
        }
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/sticky-uploads/default";
    }

    /** @return whether several files may be picked, making the value a {@code List<StickyFile>} */
    boolean multiple() {
        return Boolean.parseBoolean(String.valueOf(getAttributes().get("multiple")));
    }

    /** @return whether the input takes no part in the form */
    boolean disabled() {
        return Boolean.parseBoolean(String.valueOf(getAttributes().get("disabled")));
    }

    /** @return the label used in messages, or null */
    String label() {
        Object label = getAttributes().get("label");
        return label == null || label.toString().isBlank() ? null : label.toString();
    }

    /** @return the {@code accept} attribute of the file input, or null */
    String accept() {
        Object accept = getAttributes().get("accept");
        return accept == null || accept.toString().isBlank() ? null : accept.toString();
    }

    /** @return the CSS classes of the wrapper, beyond {@code sticky-upload} */
    String styleClass() {
        Object styleClass = getAttributes().get("styleClass");
        return styleClass == null ? null : styleClass.toString();
    }

    /**
     * @param key a message key of the library's bundle
     * @param arguments its placeholders
     * @return the message in the view's language
     */
    String message(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.ROOT;
        return Messages.get(key, List.of(locale), arguments);
    }

    /**
     * @param size a number of bytes
     * @return it for people, e.g. {@code 47 KB}
     */
    static String humanSize(long size) {
        return new DataSize(size).toString();
    }
}
