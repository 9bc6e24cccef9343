package io.github.stickyuploads.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests that a well-behaved client will not send, written byte by byte on a socket: malformed or huge
 * headers, chunked bodies, a body written whole before the answer is read.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param deployment where
     * @param head the request line and headers, each ending in CRLF, without the blank line
     * @param body what follows the blank line, written whole before anything is read
     * @return the answer, or a status of -1 when the server closed the connection without one
     */
    static Answer send(URL deployment, String head, byte[] body) {
        try (Socket socket = new Socket(deployment.getHost(), deployment.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException closedEarly) {
                // The server may answer and close before the whole body is written; read what it said.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the request line and the usual headers of an upload by alice, for a path below the deployment */
    static String post(URL deployment, String path, String... headers) {
        StringBuilder head = new StringBuilder("POST " + deployment.getPath() + path + " HTTP/1.1\r\n")
                .append("Host: ").append(deployment.getHost()).append(':').append(deployment.getPort()).append("\r\n")
                .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString("alice:alice-pw".getBytes()))
                .append("\r\nX-Requested-With: XMLHttpRequest\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.toString();
    }

    /** @return a body in HTTP/1.1 chunks of the given size */
    static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        try {
            for (int b; matched < 4 && (b = in.read()) >= 0; ) {
                head.write(b);
                matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            }
        } catch (SocketException reset) {
            // fall through with what came
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/")) {
            return new Answer(-1, Map.of(), "");
        }
        String[] lines = text.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    break;
                }
                chunks.writeBytes(in.readNBytes(n));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /**
     * @param status the status, or -1 for none
     * @param headers the headers, by lower-case name
     * @param body the body
     */
    record Answer(int status, Map<String, String> headers, String body) {

        UploadClient.Answer asUploadAnswer() {
            return new UploadClient.Answer(status, headers.getOrDefault("content-type", ""), body, headers);
        }
    }
}
