package io.github.stickyuploads.internal.form;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs the {@link UploadGoneHandler}; registered in the jar's {@code META-INF/faces-config.xml}. */
public class UploadGoneHandlerFactory extends ExceptionHandlerFactory {

    /** @param wrapped the factory of the application's own handler */
    public UploadGoneHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new UploadGoneHandler(getWrapped().getExceptionHandler());
    }
}
