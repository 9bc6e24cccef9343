package io.github.stickyuploads.example;

import java.time.Instant;
import java.util.List;

/**
 * A job application that was received, with its files kept for good.
 *
 * @param id its number
 * @param name the applicant's name
 * @param email the applicant's email address
 * @param received when it arrived
 * @param files what was attached
 */
public record ReceivedApplication(int id, String name, String email, Instant received, List<ReceivedFile> files) {

    /**
     * A file as it was kept.
     *
     * @param filename the name the applicant's file had
     * @param size its bytes
     * @param sha256 the SHA-256 of the copy kept, in hex
     */
    public record ReceivedFile(String filename, long size, String sha256) {

        /** @return the confirmation line, e.g. "Received cv.pdf (48213 bytes, SHA-256 …)" */
        public String confirmation() {
            return "Received " + filename + " (" + size + " bytes, SHA-256 " + sha256 + ")";
        }
    }
}
