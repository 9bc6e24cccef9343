package io.github.stickyuploads.it.validation;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.testing.Received;
import io.github.stickyuploads.validation.FileType;
import io.github.stickyuploads.validation.MaxFileSize;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A form whose files are checked by Bean Validation on the backing bean, as Faces runs it. */
@Named
@RequestScoped
public class ValidatedForm {

    @FileType("application/pdf")
    private StickyFile resume;

    @MaxFileSize("1K")
    private StickyFile cover;

    private List<@FileType({"application/pdf", "text/*"}) StickyFile> attachments = new ArrayList<>();

    private final List<String> received = new ArrayList<>();

    public String submit() throws IOException {
        for (StickyFile file : new StickyFile[] {resume, cover}) {
            if (file != null) {
                received.add(Received.line(file));
            }
        }
        for (StickyFile file : attachments) {
            received.add(Received.line(file));
        }
        return null;
    }

    public StickyFile getResume() {
        return resume;
    }

    public void setResume(StickyFile resume) {
        this.resume = resume;
    }

    public StickyFile getCover() {
        return cover;
    }

    public void setCover(StickyFile cover) {
        this.cover = cover;
    }

    public List<StickyFile> getAttachments() {
        return attachments;
    }

    public void setAttachments(List<StickyFile> attachments) {
        this.attachments = attachments == null ? new ArrayList<>() : attachments;
    }

    public List<String> getReceived() {
        return received;
    }
}
