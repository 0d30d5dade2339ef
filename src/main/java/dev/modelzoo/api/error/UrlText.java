package dev.modelzoo.api.error;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict percent-decoding of a raw URL path or query, to find what no resource can be asked for. */
final class UrlText {

    private UrlText() {
    }

    /** Why {@code raw} is unusable ("has a malformed percent-escape"...), or null when it is fine. */
    static String problem(String raw) {
        return problem(raw, false);
    }

    /** The same for a path, where a ';' would start JAX-RS matrix parameters and silently cut the name short. */
    static String pathProblem(String raw) {
        return problem(raw, true);
    }

    private static String problem(String raw, boolean path) {
        if (path && raw.indexOf(';') >= 0) {
            return "contains ';' (matrix parameters are not supported, and no name may contain it)";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return "has a malformed percent-escape (a '%' must be followed by two hex digits)";
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return "does not decode to UTF-8 text";
        }
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            return "contains a control character (such as NUL)";
        }
        return null;
    }
}
