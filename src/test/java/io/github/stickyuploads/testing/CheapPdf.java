package io.github.stickyuploads.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A PDF-looking stream of pseudo-random bytes made cheaply (a random 64 KiB block per upload, stamped with its
 * position), so that the client spends the machine's two cores on little but sending.
 */
public final class CheapPdf extends InputStream {

    private static final int BLOCK = 64 * 1024;
    private final byte[] block = new byte[BLOCK];
    private final long length;
    private long position;

    private CheapPdf(long length, long seed) {
        this.length = length;
        new SplittableRandom(seed).nextBytes(block);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, block, 0, magic.length);
    }

    /**
     * @param length how many bytes
     * @param seed which bytes
     * @return the stream
     */
    public static CheapPdf of(long length, long seed) {
        return new CheapPdf(length, seed);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int inBlock = (int) (position % BLOCK);
        int n = (int) Math.min(Math.min(count, BLOCK - inBlock), length - position);
        System.arraycopy(block, inBlock, buffer, offset, n);
        if (inBlock == 0 && position > 0 && n >= 8) {
            long stamp = position / BLOCK; // every block differs from the others
            for (int i = 0; i < 8; i++) {
                buffer[offset + i] = (byte) (stamp >>> (8 * i));
            }
        }
        position += n;
        return n;
    }
}
