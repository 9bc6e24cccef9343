package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.config.StickyUploadsConfig;
import io.github.stickyuploads.internal.files.PrivateFiles;
import io.github.stickyuploads.internal.token.SigningKeys;
import io.github.stickyuploads.internal.token.TokenCodec;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The application's token codec, built from the configured secret or the generated one, for this application. */
@ApplicationScoped
public class TokenKeys {

    @Inject
    StickyUploadsConfig config;

    private TokenCodec codec;
    private String secretSource;

    @PostConstruct
    void init() {
        byte[] current;
        if (config.secret().isPresent()) {
            current = config.secret().get();
            secretSource = "from " + StickyUploadsConfig.SECRET;
        } else {
            try {
                current = GeneratedSecret.loadOrCreate(PrivateFiles.tempRoot(config));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot keep a generated secret under " + config.tempPath() + "; set "
                        + StickyUploadsConfig.SECRET + " or make that folder writable", e);
            }
            secretSource = "generated in " + config.tempPath().resolve(GeneratedSecret.FILE_NAME);
        }
        codec = new TokenCodec(new SigningKeys(current, config.previousSecrets()), config.application());
    }

    /** @return where the signing secret comes from, for the startup log line (never the secret) */
    public String secretSource() {
        return secretSource;
    }

    /** @return the codec that mints and verifies this application's tokens */
    public TokenCodec codec() {
        return codec;
    }
}
