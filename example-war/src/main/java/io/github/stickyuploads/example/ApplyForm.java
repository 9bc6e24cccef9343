package io.github.stickyuploads.example;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.validation.FileType;
import io.github.stickyuploads.validation.MaxFileSize;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import java.io.IOException;

/** The job application form: two text fields and two sticky files. */
@Named
@RequestScoped
public class ApplyForm {

    @Inject
    Applications applications;

    private String name;
    @Email(message = "Enter an email address such as ann@example.org.")
    private String email;
    /** The endpoint takes PDFs and text up to 5 MB (stickyuploads.*); each field says what it takes of that. */
    @FileType({"application/pdf", "text/plain"})
    private StickyFile resume;
    @MaxFileSize("1 MB")
    private StickyFile coverLetter;

    /** @return the confirmation page of the application just received */
    public String apply() throws IOException {
        ReceivedApplication application = applications.receive(name, email, resume, coverLetter);
        return "confirmation?faces-redirect=true&id=" + application.id();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public StickyFile getResume() {
        return resume;
    }

    public void setResume(StickyFile resume) {
        this.resume = resume;
    }

    public StickyFile getCoverLetter() {
        return coverLetter;
    }

    public void setCoverLetter(StickyFile coverLetter) {
        this.coverLetter = coverLetter;
    }
}
