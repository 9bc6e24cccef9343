package io.github.stickyuploads.internal.web;

import io.github.stickyuploads.internal.token.TokenClaims;
import jakarta.json.Json;
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

    private JsonAnswers() {
    }

    /**
     * @param claims what was stored
     * @param token the token that stands for it
     * @return 200 with {@code is_valid: true}
     */
    public static Response stored(TokenClaims claims, String token) {
        JsonObject body = Json.createObjectBuilder()
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
        JsonObject body = Json.createObjectBuilder()
                .add("is_valid", false)
                .add("errors", Json.createObjectBuilder().add(field, Json.createArrayBuilder().add(message)))
                .build();
        return Response.status(status).type(JSON).entity(body.toString()).header("Cache-Control", "no-store").build();
    }
}
