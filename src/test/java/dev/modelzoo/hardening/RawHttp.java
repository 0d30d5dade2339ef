package dev.modelzoo.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests written byte for byte to the test server's socket, for what no HTTP client library would send
 * (malformed multipart, short Content-Length, raw NUL escapes, oversized request lines); every read is bounded.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** What came back: the status (0 when the server closed without answering), headers, body and seconds. */
    record Answer(int status, String head, String body, double seconds) {

        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return "";
        }
    }

    static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}; reads one answer. */
    static Answer send(String head, byte[] body) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("localhost", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String response = read(socket.getInputStream());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (response.isEmpty()) {
                return new Answer(0, "", "", seconds);
            }
            int split = response.indexOf("\r\n\r\n");
            String headers = split < 0 ? response : response.substring(0, split);
            String content = split < 0 ? "" : response.substring(split + 4);
            return new Answer(Integer.parseInt(headers.split(" ")[1]), headers, content, seconds);
        }
    }

    /** Everything until the server closes, or what arrived within the socket timeout. */
    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // keep what arrived; an answer that never ends is judged by its status and time
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
