package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.token.TokenClaims;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON bodies of the upload endpoint (contract section 1), always {@code application/json; charset=UTF-8}. */
public final class JsonAnswers {

    /** The error key of problems that concern the whole request rather than the file field. */
    public static final String ALL = "__all__";
    /** The multipart field, and error key, of the file. */
    public static final String UPLOAD = "upload";

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    /**
     * Made once: each {@code Json.createObjectBuilder()} looks the JSON provider up through the ServiceLoader,
     * which scanned the WAR's jars on every request and took about a quarter of a small upload's CPU time.
     */
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(null);

    private JsonAnswers() {
    }

    /**
     * @param claims what was stored
     * @param token the token that stands for it
     * @return 200 with {@code is_valid: true}
     */
    public static Response stored(TokenClaims claims, String token) {
        JsonObject body = BUILDERS.createObjectBuilder()
                .add("is_valid", true)
                .add("filename", claims.filename())
                .add("size", claims.size())
                .add("content_type", claims.contentType())
                .addNull("url")
                .add("stored", token)
                .add("expires", claims.expires().toString())
                .build();
        return Response.ok(body.toString(), JSON).header("Cache-Control", "no-store").build();
    }

    /**
     * @param status the HTTP status
     * @param field {@link #UPLOAD} or {@link #ALL}
     * @param message the message for people
     * @return the error answer with {@code is_valid: false}
     */
    public static Response error(int status, String field, String message) {
        JsonObject body = BUILDERS.createObjectBuilder()
                .add("is_valid", false)
                .add("errors", BUILDERS.createObjectBuilder().add(field, BUILDERS.createArrayBuilder().add(message)))
                .build();
        return Response.status(status).type(JSON).entity(body.toString()).header("Cache-Control", "no-store").build();
    }
}
