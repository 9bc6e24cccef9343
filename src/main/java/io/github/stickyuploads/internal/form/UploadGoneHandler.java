package io.github.stickyuploads.internal.form;

import io.github.stickyuploads.UploadGoneException;
import io.github.stickyuploads.internal.messages.Messages;
import io.github.stickyuploads.internal.store.StoredUpload;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a sticky file that vanished while the application read it (a Remove or a purge between the form's
 * decoding and its action) like a file that never came: the form is shown again with the message
 * "The upload failed. Please pick the file again." at its input, instead of an error page. Every other exception
 * goes on to the application's own handling.
 */
public class UploadGoneHandler extends ExceptionHandlerWrapper {

    /** @param wrapped the handler of everything else */
    public UploadGoneHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Optional<UploadGoneException> gone = goneIn(events.next().getContext().getException());
            if (gone.isPresent()) {
                events.remove();
                showAgain(FacesContext.getCurrentInstance(), gone.get());
            }
        }
        getWrapped().handle();
    }

    private static Optional<UploadGoneException> goneIn(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UploadGoneException gone) {
                return Optional.of(gone);
            }
        }
        return Optional.empty();
    }

    private static void showAgain(FacesContext context, UploadGoneException gone) {
        Optional<String> clientId = gone.file() instanceof StoredUpload upload
                ? FormRequest.of((HttpServletRequest) context.getExternalContext().getRequest()).holderOf(upload) : Optional.empty();
        Locale locale = context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.ROOT;
        String message = Messages.get("faces.upload-failed", List.of(locale));
        Object label = clientId.map(id -> context.getViewRoot().findComponent(UINamingContainer.getSeparatorChar(context) + id))
                .map(UIComponent::getAttributes).map(attributes -> attributes.get("label")).orElse(null);
        String text = label == null || label.toString().isBlank() ? message : label + ": " + message;
        context.addMessage(clientId.orElse(null), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        context.validationFailed();
        context.renderResponse();
    }
}
