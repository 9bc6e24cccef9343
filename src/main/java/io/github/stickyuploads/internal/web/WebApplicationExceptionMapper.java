package io.github.stickyuploads.internal.web;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Turns the answers JAX-RS gives on its own (405 for another method, 404 for an unknown path, ...) into the
 * endpoint's JSON shape. Registered in the library's application only, never in yours.
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        String message;
        if (exception instanceof NotAllowedException) {
            message = Messages.get("request.method-not-allowed", headers.getAcceptableLanguages(), request.getMethod());
        } else if (exception instanceof NotFoundException) {
            message = Messages.get("request.not-found", headers.getAcceptableLanguages());
        } else {
            message = Messages.get("request.failed", headers.getAcceptableLanguages());
        }
        Response json = JsonAnswers.error(original.getStatus(), JsonAnswers.ALL, message);
        Response.ResponseBuilder answer = Response.fromResponse(json);
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }
}
