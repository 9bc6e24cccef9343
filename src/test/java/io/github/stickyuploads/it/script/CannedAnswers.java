package io.github.stickyuploads.it.script;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stands in for an endpoint that refuses (413, 415, 403, with the endpoint's JSON) or for a proxy in front
 * of it that answers an HTML error page (502), so that the script's display of each can be tested.
 */
@Path("canned/{status}")
@RequestScoped
public class CannedAnswers {

    @POST
    public Response answer(@PathParam("status") int status, InputStream body) throws IOException, InterruptedException {
        // Slowly, like SlowStorage: a submit made meanwhile has to wait for this refusal.
        byte[] chunk = new byte[16 * 1024];
        while (body.read(chunk) >= 0) {
            Thread.sleep(50);
        }
        return switch (status) {
            case 413 -> json(413, "upload", "The file is larger than the limit of 1 KB.");
            case 415 -> json(415, "upload", "Files of type application/pdf are not accepted here.");
            case 403 -> json(403, "__all__", "You are not allowed to upload files.");
            default -> Response.status(status).type("text/html")
                    .entity("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>").build();
        };
    }

    private static Response json(int status, String field, String message) {
        return Response.status(status).type("application/json")
                .entity("{\"is_valid\":false,\"errors\":{\"" + field + "\":[\"" + message + "\"]}}").build();
    }
}
