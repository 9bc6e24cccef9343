package io.github.stickyuploads.internal.token;

import java.util.Optional;

/**
 * The outcome of {@link TokenCodec#verify}: the claims of an accepted token, or why it was refused.
 *
 * @param claims present when accepted
 * @param refusal present when refused
 */
public record TokenCheck(Optional<TokenClaims> claims, Optional<TokenRefusal> refusal) {

    static TokenCheck accepted(TokenClaims claims) {
        return new TokenCheck(Optional.of(claims), Optional.empty());
    }

    /**
     * @param refusal why
     * @return a refusal
     */
    public static TokenCheck refused(TokenRefusal refusal) {
        return new TokenCheck(Optional.empty(), Optional.of(refusal));
    }
}
