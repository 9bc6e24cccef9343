package io.github.stickyuploads.faces;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.internal.endpoint.UploadEndpoint;
import io.github.stickyuploads.internal.endpoint.UploadEndpoints;
import io.github.stickyuploads.internal.form.FormSubmission;
import io.github.stickyuploads.internal.messages.Messages;
import io.github.stickyuploads.internal.store.StoredUpload;
import io.github.stickyuploads.internal.upload.UploadPipeline;
import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.web.ServletSecurityContext;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.NamingContainer;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.convert.ConverterException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
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
 * <p>The {@code url} names an upload endpoint of this application, and every road a file takes obeys that
 * endpoint's roles, policy, storage and limits: the background upload, and the form post without JavaScript. A
 * {@code url} that names no endpoint is an error when the page renders. A user whom the endpoint refuses sees
 * the message "You are not allowed to upload files." instead of the file input.
 *
 * <h2>What the value is on submit</h2>
 * In this order: a real file part in the request (the path without JavaScript; it is stored and gets a
 * token too, so it sticks on the next re-render) &gt; Remove ticked &gt; a valid token &gt; nothing. A token
 * that is invalid for any reason counts as no file, and so does a token that another input of the same form
 * holds already. An input reads at most one token (with {@code multiple}, at most
 * {@code stickyuploads.quota.files}). A file that vanishes before the application reads it (a Remove racing the
 * submit) brings the form back with "The upload failed. Please pick the file again." at the input.
 *
 * @since 0.1
 */
@FacesComponent(StickyUploadComponent.COMPONENT_TYPE)
public class StickyUploadComponent extends UIInput implements NamingContainer {

    /**
     * The component type, named by the composite's {@code cc:interface componentType}.
     *
     * @since 0.1
     */
    public static final String COMPONENT_TYPE = "io.github.stickyuploads.StickyUpload";

    /** The client id suffix of the native file input. */
    static final String FILE = FormSubmission.FormInput.FILE;
    /** The client id suffix of the hidden token input(s). */
    static final String TOKEN = FormSubmission.FormInput.TOKEN;
    /** The client id suffix of the Remove checkbox(es). */
    static final String REMOVE = FormSubmission.FormInput.REMOVE;

    @Override
    public String getFamily() {
        return UINamingContainer.COMPONENT_FAMILY;
    }

    @Override
    public void decode(FacesContext context) {
        if (disabled()) {
            return;
        }
        FormSubmission.FormInput input = FormSubmission.FormInput.named(request(context), getClientId(context),
                UINamingContainer.getSeparatorChar(context));
        setSubmittedValue(FormSubmission.decode(input, endpoint(), multiple()));
    }

    @Override
    protected Object getConvertedValue(FacesContext context, Object submittedValue) {
        FormSubmission submission = (FormSubmission) submittedValue;
        if (submission.problem() != null) {
            UploadRefusal problem = submission.problem();
            String text = message(problem.reason().messageKey(), problem.arguments().toArray());
            String message = label() == null ? text : label() + ": " + text;
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        }
        // An ArrayList, not List.copyOf's: the value is kept in the view state after a failed submit, and MyFaces
        // restores a collection by creating its class anew, which a JDK immutable list cannot be.
        List<StickyFile> files = new ArrayList<>(submission.files());
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

    /**
     * @return the endpoint that {@code url} names
     * @throws FacesException if it names no endpoint of this application
     */
    UploadEndpoint endpoint() {
        try {
            return CDI.current().select(UploadEndpoints.class).get().forUrl(url());
        } catch (IllegalArgumentException e) {
            throw new FacesException("<sticky:upload id=\"" + getClientId() + "\">: " + e.getMessage(), e);
        }
    }

    /** @return whether the current user may upload at the endpoint, as its roles and policy say */
    boolean uploadAllowed() {
        return CDI.current().select(UploadPipeline.class).get()
                .mayUpload(endpoint(), new ServletSecurityContext(request(FacesContext.getCurrentInstance())));
    }

    /**
     * @return the files to show as "Currently": the submitted ones after a failed submit, else the value; a file
     *         whose temporary copy is gone is not shown, so that no stale token is carried on
     */
    List<StoredUpload> currentFiles() {
        List<StoredUpload> files;
        if (getSubmittedValue() instanceof FormSubmission submission) {
            files = submission.files();
        } else {
            Object value = getValue();
            Collection<?> values = value instanceof Collection<?> collection ? collection : value == null ? List.of() : List.of(value);
            files = values.stream().filter(StoredUpload.class::isInstance).map(StoredUpload.class::cast).toList();
        }
        return files.stream().filter(StoredUpload::isStillThere).toList();
    }

    private static HttpServletRequest request(FacesContext context) {
        return (HttpServletRequest) context.getExternalContext().getRequest();
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
}
