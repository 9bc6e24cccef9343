package io.github.stickyuploads.it.faces;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.testing.Received;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** A form whose action reads its file only after the test has released it: a Remove that races the submit. */
@Named
@RequestScoped
public class RacingForm {

    @Inject
    RaceSignals signals;

    private StickyFile resume;
    private String received = "";

    public String submit() throws IOException, InterruptedException {
        signals.awaitRelease();
        received = Received.line(resume);
        return null;
    }

    public StickyFile getResume() {
        return resume;
    }

    public void setResume(StickyFile resume) {
        this.resume = resume;
    }

    public String getReceived() {
        return received;
    }
}
