package io.github.stickyuploads.faces;

import io.github.stickyuploads.config.DataSize;
import io.github.stickyuploads.internal.store.StoredUpload;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.List;

/**
 * Writes the tag's HTML: a wrapper with the id of the component (so that {@code f:ajax render} finds it),
 * a "Currently: ..." line with a Remove box per sticky file, the native file input (so that the form works
 * without JavaScript), the hidden token input(s), a {@code <progress>} and an {@code aria-live} status; or,
 * for a user whom the endpoint refuses, only a message. The wrapper is left open; the component
 * closes it.
 */
final class StickyUploadMarkup {

    private final FacesContext context;
    private final StickyUploadComponent component;
    private final List<StoredUpload> files;
    private final ResponseWriter writer;
    private final String prefix;
    private final DataSize maxSize;

    StickyUploadMarkup(FacesContext context, StickyUploadComponent component, List<StoredUpload> files) {
        this.context = context;
        this.component = component;
        this.files = files;
        this.writer = context.getResponseWriter();
        this.prefix = component.getClientId(context) + UINamingContainer.getSeparatorChar(context);
        this.maxSize = component.endpoint().limits().maxSize();
    }

    void write() throws IOException {
        writer.startElement("div", component);
        writer.writeAttribute("id", component.getClientId(context), "id");
        String styleClass = component.styleClass();
        writer.writeAttribute("class", styleClass == null ? "sticky-upload" : "sticky-upload " + styleClass, "styleClass");
        writer.writeAttribute("data-sticky-upload", "", null);
        writeScriptTexts();
        if (!component.uploadAllowed()) {
            // Who may not upload gets a message, not a widget that can only fail.
            writer.startElement("p", null);
            writer.writeAttribute("class", "sticky-upload-refused", null);
            writer.writeText(component.message("access.forbidden"), null);
            writer.endElement("p");
            return;
        }
        writer.startElement("ul", null);
        writer.writeAttribute("class", "sticky-upload-files", null);
        for (StoredUpload file : files) {
            writeCurrent(file);
        }
        writer.endElement("ul");
        writeFileInput();
        if (files.isEmpty()) {
            writeToken(""); // the field is there even when empty, so the form always has the same fields
        }
        writer.startElement("span", null);
        writer.writeAttribute("class", "sticky-upload-drop-hint", null);
        writer.writeText(component.message("faces.drop"), null);
        writer.endElement("span");
        writer.startElement("progress", null);
        writer.writeAttribute("id", prefix + "progress", null);
        writer.writeAttribute("aria-label", component.message("faces.progress"), null);
        writer.writeAttribute("class", "sticky-upload-progress", null);
        writer.writeAttribute("max", "100", null);
        writer.writeAttribute("value", "0", null);
        writer.writeAttribute("hidden", "hidden", null);
        writer.endElement("progress");
        writer.startElement("span", null);
        writer.writeAttribute("id", prefix + "status", null);
        writer.writeAttribute("class", "sticky-upload-status", null);
        writer.writeAttribute("role", "status", null);
        writer.writeAttribute("aria-live", "polite", null);
        writer.endElement("span");
    }

    /** The script's texts, in the view's language: {0} is the file name; see each message's placeholders. */
    private void writeScriptTexts() throws IOException {
        writer.writeAttribute("data-max-size", String.valueOf(maxSize.bytes()), null);
        writer.writeAttribute("data-text-uploading", component.message("faces.uploading", "{0}", "{1}", "{2}", "{3}"), null);
        writer.writeAttribute("data-text-uploaded", component.message("faces.uploaded", "{0}", "{1}"), null);
        writer.writeAttribute("data-text-failed", component.message("faces.upload-failed"), null);
        writer.writeAttribute("data-text-waiting", component.message("faces.waiting"), null);
        writer.writeAttribute("data-text-removed", component.message("faces.removed", "{0}"), null);
        writer.writeAttribute("data-text-remove", component.message("faces.remove"), null);
        writer.writeAttribute("data-text-too-large", component.message("upload.too-large", maxSize), null);
        writer.writeAttribute("data-text-type-not-allowed", component.message("upload.type-not-allowed", "{0}"), null);
    }

    private void writeCurrent(StoredUpload file) throws IOException {
        writer.startElement("li", null);
        writer.writeAttribute("class", "sticky-upload-current", null);
        writer.writeAttribute("data-state", "done", null);
        writer.writeAttribute("data-filename", file.filename(), null);
        writer.startElement("span", null);
        writer.writeAttribute("class", "sticky-upload-filename", null);
        writer.writeText(component.message("faces.currently", file.filename(), new DataSize(file.size())), null);
        writer.endElement("span");
        writer.write(" ");
        writer.startElement("label", null);
        writer.writeAttribute("class", "sticky-upload-remove", null);
        writer.startElement("input", null);
        writer.writeAttribute("type", "checkbox", null);
        writer.writeAttribute("name", prefix + StickyUploadComponent.REMOVE, null);
        writer.writeAttribute("value", file.token(), null);
        if (component.disabled()) {
            writer.writeAttribute("disabled", "disabled", null);
        }
        writer.endElement("input");
        writer.writeText(" " + component.message("faces.remove"), null);
        writer.endElement("label");
        writeToken(file.token());
        writer.endElement("li");
    }

    private void writeFileInput() throws IOException {
        writer.startElement("input", null);
        writer.writeAttribute("type", "file", null);
        writer.writeAttribute("id", prefix + StickyUploadComponent.FILE, null);
        writer.writeAttribute("name", prefix + StickyUploadComponent.FILE, null);
        writer.writeAttribute("data-upload-url", component.url(), null);
        writer.writeAttribute("aria-describedby", prefix + "status", null);
        if (component.label() != null) {
            writer.writeAttribute("aria-label", component.label(), null);
        }
        if (component.accept() != null) {
            writer.writeAttribute("accept", component.accept(), null);
        }
        if (component.multiple()) {
            writer.writeAttribute("multiple", "multiple", null);
        }
        if (component.disabled()) {
            writer.writeAttribute("disabled", "disabled", null);
        }
        if (component.isRequired()) {
            // The script needs to know, to put `required` back when a sticky file is removed.
            writer.writeAttribute("data-required", "true", null);
            if (files.isEmpty()) {
                // Only without a sticky file: otherwise the browser would block the submit (the original's bug).
                writer.writeAttribute("required", "required", null);
            }
        }
        writer.endElement("input");
    }

    private void writeToken(String token) throws IOException {
        writer.startElement("input", null);
        writer.writeAttribute("type", "hidden", null);
        writer.writeAttribute("name", prefix + StickyUploadComponent.TOKEN, null);
        writer.writeAttribute("value", token, null);
        writer.writeAttribute("data-sticky-token", "", null);
        writer.endElement("input");
    }
}
