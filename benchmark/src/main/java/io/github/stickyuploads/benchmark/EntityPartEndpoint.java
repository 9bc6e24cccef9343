package io.github.stickyuploads.benchmark;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * What a JAX-RS developer writes by hand: the standard Jakarta REST 3.1 {@code EntityPart} (Jersey parses the
 * body), copied to a file in the user's folder. At /bench/entitypart.
 */
@jakarta.ws.rs.Path("entitypart")
@RequestScoped
public class EntityPartEndpoint {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_PLAIN)
    public String copy(@Context SecurityContext security, @FormParam("upload") EntityPart upload) throws IOException {
        try (InputStream in = upload.getContent()) {
            return String.valueOf(Files.copy(in, Baseline.newFileOf(security.getUserPrincipal()), StandardCopyOption.REPLACE_EXISTING));
        }
    }
}
