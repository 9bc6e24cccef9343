package io.github.stickyuploads.internal.store;

import io.github.stickyuploads.internal.token.TokenRefusal;
import java.util.Optional;

/**
 * What a token gave: its upload, or why it gave none.
 *
 * @param upload present when the token was accepted
 * @param refusal present when it was refused
 */
public record Resolution(Optional<StoredUpload> upload, Optional<TokenRefusal> refusal) {

    static Resolution of(StoredUpload upload) {
        return new Resolution(Optional.of(upload), Optional.empty());
    }

    static Resolution refused(TokenRefusal refusal) {
        return new Resolution(Optional.empty(), Optional.of(refusal));
    }
}
