package io.github.stickyuploads.it.validation;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.StickyFiles;
import io.github.stickyuploads.validation.FileType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.stream.Collectors;

/**
 * What an application without Faces does with the constraints: a CDI bean's method (/api/validation/bean) and a
 * JAX-RS parameter (/api/validation/parameter) say which files they take, and Bean Validation holds them to it.
 */
@Path("validation")
@RequestScoped
public class ValidationProbe {

    @Inject
    StickyFiles stickyFiles;

    @Inject
    KeptFiles kept;

    @Context
    HttpServletRequest request;

    @POST
    @Path("bean")
    public String bean(@FormParam("token") String token) {
        StickyFile file = stickyFiles.find(token, request.getContextPath() + "/sticky-uploads/default").orElseThrow();
        try {
            return kept.keep(file);
        } catch (ConstraintViolationException e) {
            return e.getConstraintViolations().stream().map(ConstraintViolation::getMessage).sorted()
                    .collect(Collectors.joining("\n"));
        }
    }

    @POST
    @Path("parameter")
    public String parameter(@FormParam("token") @FileType("text/plain") StickyFile file) {
        return "accepted " + file.filename();
    }

    /** Turns a form's token into its file for JAX-RS, as an application without Faces may. */
    @Provider
    public static class Tokens implements ParamConverterProvider {

        @Inject
        StickyFiles stickyFiles;

        @Context
        HttpServletRequest request;

        @Override
        @SuppressWarnings("unchecked")
        public <T> ParamConverter<T> getConverter(Class<T> type, Type generic, Annotation[] annotations) {
            if (type != StickyFile.class) {
                return null;
            }
            return (ParamConverter<T>) new ParamConverter<StickyFile>() {
                @Override
                public StickyFile fromString(String token) {
                    return stickyFiles.find(token, request.getContextPath() + "/sticky-uploads/default").orElse(null);
                }

                @Override
                public String toString(StickyFile file) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
