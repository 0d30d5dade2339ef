package dev.modelzoo.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Raw multipart requests over a socket with {@code Expect: 100-continue}: the server must answer before the body
 * is sent. (The JDK 17 HttpClient hangs when such a request gets a final answer instead of 100.)
 */
final class Multipart {

    private static final String BOUNDARY = "modelzoo-test-boundary";

    private Multipart() {
    }

    /** The status line, headers and body the server sent, as text. */
    record RawResponse(int status, String head, String body) {
    }

    static byte[] preamble(String metadata) {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"artifact\"; filename=\"a.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Announces a body of {@code artifactBytes} plus parts, waits for the server's answer, sends nothing more. */
    static RawResponse announce(String namespace, String name, String token, String metadata, long artifactBytes)
            throws IOException {
        return announce("/api/v1/models/" + namespace + "/" + name + "/versions", token, metadata, artifactBytes);
    }

    /** Same, to any path. */
    static RawResponse announce(String path, String token, String metadata, long artifactBytes) throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        byte[] preamble = preamble(metadata);
        long length = preamble.length + artifactBytes + ("\r\n--" + BOUNDARY + "--\r\n").length();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Content-Length: " + length + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = readAll(socket.getInputStream());
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            return new RawResponse(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int expectedTotal = -1;
        while (expectedTotal < 0 || buffer.size() < expectedTotal) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            buffer.write(b);
            String text = buffer.toString(StandardCharsets.UTF_8);
            if (expectedTotal < 0 && text.endsWith("\r\n\r\n")) {
                java.util.regex.Matcher length = java.util.regex.Pattern
                        .compile("(?i)content-length: *(\\d+)").matcher(text);
                expectedTotal = buffer.size() + (length.find() ? Integer.parseInt(length.group(1)) : 0);
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
