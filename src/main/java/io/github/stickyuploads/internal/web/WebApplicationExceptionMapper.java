package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusal.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns the answers JAX-RS gives on its own (405, 404, ...) into the endpoint's JSON shape, with the status the
 * framework chose. Registered in the library's application only, never in yours.
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        UploadRefusal refusal;
        if (exception instanceof NotAllowedException) {
            refusal = UploadRefusal.of(Reason.METHOD_NOT_ALLOWED, request.getMethod());
        } else if (exception instanceof NotFoundException) {
            refusal = UploadRefusal.of(Reason.NOT_FOUND);
        } else {
            refusal = UploadRefusal.of(Reason.FAILED);
        }
        Response json = HttpAnswers.refused(refusal, EndpointGate.languages(request));
        return Response.fromResponse(json).status(exception.getResponse().getStatus()).build();
    }
}
