package io.github.stickyuploads.example;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The confirmation page's view of one received application. */
@Named
@RequestScoped
public class Confirmation {

    @Inject
    Applications applications;

    private int id;

    public int getId() {
        return id;
    }

    public void setId(int id) {
        this.id = id;
    }

    /** @return the application, or null for an unknown number */
    public ReceivedApplication getApplication() {
        return applications.find(id).orElse(null);
    }
}
