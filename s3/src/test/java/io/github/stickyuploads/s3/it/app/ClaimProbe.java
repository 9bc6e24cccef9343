package io.github.stickyuploads.s3.it.app;

import io.github.stickyuploads.testing.Received;
import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.StickyFiles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Optional;

/**
 * What an application does on submit (as the library's own ClaimProbe): turn a token back into its file with
 * {@link StickyFiles} and read it; the answer has the SHA-256 the token carries and, unless {@code read=false}, the
 * SHA-256 of the bytes read back from the storage. {@code release=true} then releases the upload.
 */
@Path("claim")
@RequestScoped
public class ClaimProbe {

    @Inject
    StickyFiles stickyFiles;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String claim(@FormParam("token") String token, @FormParam("url") String url,
            @FormParam("read") @DefaultValue("true") boolean read, @FormParam("release") @DefaultValue("false") boolean release)
            throws IOException {
        Optional<StickyFile> file = stickyFiles.find(token, url);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("found", file.isPresent());
        if (file.isPresent()) {
            answer.add("filename", file.get().filename())
                    .add("size", file.get().size())
                    .add("content_type", file.get().contentType())
                    .add("sha256", file.get().sha256());
            if (read) {
                answer.add("sha256_read", Received.sha256(file.get()));
            }
            if (release) {
                file.get().delete();
            }
        }
        return answer.build().toString();
    }
}
