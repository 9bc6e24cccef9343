package io.github.stickyuploads.internal.token;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The secret that signs new tokens and the older ones that still verify old tokens during a rotation.
 *
 * @param current signs and verifies
 * @param previous only verify
 */
public record SigningKeys(byte[] current, List<byte[]> previous) {

    /** Copies the keys. */
    public SigningKeys {
        current = Objects.requireNonNull(current, "current").clone();
        previous = Objects.requireNonNull(previous, "previous").stream().map(byte[]::clone).toList();
    }

    /** @return the current key, then the previous ones */
    List<byte[]> verifying() {
        return Stream.concat(Stream.of(current), previous.stream()).toList();
    }
}
