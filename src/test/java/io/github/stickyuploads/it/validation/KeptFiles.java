package io.github.stickyuploads.it.validation;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.validation.FileType;
import io.github.stickyuploads.validation.MaxFileSize;
import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean of the application whose method says what files it takes; the container validates its calls. */
@ApplicationScoped
public class KeptFiles {

    public String keep(@FileType("application/pdf") @MaxFileSize("4K") StickyFile file) {
        return "kept " + file.filename();
    }
}
