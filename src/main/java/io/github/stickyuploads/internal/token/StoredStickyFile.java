package io.github.stickyuploads.internal.token;

import io.github.stickyuploads.StickyFile;
import io.github.stickyuploads.storage.UploadStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * A {@link StickyFile} whose token was accepted: the token's claims plus the storage that holds it.
 *
 * @param claims what the verified token says
 * @param storage where the bytes are
 */
public record StoredStickyFile(TokenClaims claims, UploadStorage storage) implements StickyFile {

    @Override
    public String filename() {
        return claims.filename();
    }

    @Override
    public long size() {
        return claims.size();
    }

    @Override
    public String contentType() {
        return claims.contentType();
    }

    @Override
    public String sha256() {
        return claims.sha256Hex();
    }

    @Override
    public Instant expires() {
        return claims.expires();
    }

    @Override
    public InputStream openStream() throws IOException {
        return storage.open(claims.objectId());
    }

    @Override
    public void transferTo(Path target) throws IOException {
        try (InputStream in = openStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete() throws IOException {
        storage.delete(claims.objectId());
    }
}
