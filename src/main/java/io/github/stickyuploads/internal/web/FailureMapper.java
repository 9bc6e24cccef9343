package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.upload.UploadRefusal;
import io.github.stickyuploads.internal.upload.UploadRefusal.Reason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Answers an unexpected failure with 500 in the JSON shape, and logs it once; never an HTML error page. */
public class FailureMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger("io.github.stickyuploads");

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(RuntimeException exception) {
        LOG.log(Level.SEVERE, "An upload request failed", exception);
        return HttpAnswers.refused(UploadRefusal.of(Reason.FAILED), EndpointGate.languages(request));
    }
}
