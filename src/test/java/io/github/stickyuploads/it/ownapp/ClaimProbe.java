package io.github.stickyuploads.it.ownapp;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.StickyFiles;
import io.github.stickyuploads.testing.Received;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;

/**
 * What an application does on submit: turn a token back into its file with {@link StickyFiles}, and read it.
 * The answer reports the SHA-256 of the bytes actually read, so tests can compare it with what was sent; a URL
 * that names no endpoint of the application is a 400 with the library's message.
 */
@Path("claim")
@RequestScoped
public class ClaimProbe {

    @Inject
    StickyFiles stickyFiles;

    @GET
    @Path("hello")
    public String hello() {
        return "hello";
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response claim(@FormParam("token") String token, @FormParam("url") String url) throws IOException {
        Optional<StickyFile> file;
        try {
            file = stickyFiles.find(token, url);
        } catch (IllegalArgumentException noSuchEndpoint) {
            return Response.status(400).entity(Json.createObjectBuilder().add("error", noSuchEndpoint.getMessage()).build()
                    .toString()).build();
        }
        JsonObjectBuilder answer = Json.createObjectBuilder().add("found", file.isPresent());
        if (file.isPresent()) {
            answer.add("filename", file.get().filename())
                    .add("size", file.get().size())
                    .add("content_type", file.get().contentType())
                    .add("sha256", file.get().sha256())
                    .add("sha256_read", Received.sha256(file.get()));
        }
        return Response.ok(answer.build().toString()).build();
    }
}
