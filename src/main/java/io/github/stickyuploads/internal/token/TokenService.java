package io.github.stickyuploads.internal.token;

import io.github.stickyuploads.UploadEvent;
import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.upload.StorageRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/** The application's token codec and resolver, built from the configured or generated secret. */
@ApplicationScoped
public class TokenService {

    @Inject
    StickyUploadsConfig config;

    @Inject
    StorageRegistry storages;

    @Inject
    Event<UploadEvent> events;

    private TokenCodec codec;
    private TokenResolver resolver;
    private String secretSource;

    @PostConstruct
    void init() {
        secretSource = config.secret().isPresent() ? "from " + StickyUploadsConfig.SECRET
                : "generated in " + config.tempPath().resolve(GeneratedSecret.FILE_NAME);
        byte[] current = config.secret().orElseGet(() -> {
            try {
                return GeneratedSecret.loadOrCreate(config.tempPath());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot keep a generated secret under " + config.tempPath()
                        + "; set " + StickyUploadsConfig.SECRET + " or make that folder writable", e);
            }
        });
        codec = new TokenCodec(new SigningKeys(current, config.previousSecrets()));
        resolver = new TokenResolver(codec, storages::named, Clock.systemUTC(), events::fire);
    }

    /** @return where the signing secret comes from, for the startup log line (never the secret) */
    public String secretSource() {
        return secretSource;
    }

    /**
     * @param claims what the token says
     * @param owner the uploader's principal name
     * @param uploadPath the minting endpoint's path
     * @return the token
     */
    public String mint(TokenClaims claims, String owner, String uploadPath) {
        return codec.mint(claims, owner, uploadPath);
    }

    /**
     * @param token what the client sent
     * @param owner the current user's principal name
     * @param uploadPath the reading endpoint's path
     * @return the stored file, or empty (logged) when the token gives none
     */
    public Optional<StoredStickyFile> resolve(String token, String owner, String uploadPath) {
        return resolver.resolve(token, owner, uploadPath);
    }
}
