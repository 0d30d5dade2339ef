package dev.modelzoo.dataset.source;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a fortune(6) category file: texts separated by lines that hold only {@code %}. */
public final class FortunesReader {

    private FortunesReader() {
    }

    public static List<String> read(Path file) throws IOException {
        // a few files are not clean UTF-8; replace what does not decode rather than dropping the file
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text = decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) {
            if (line.equals("%")) {
                add(entries, current);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        add(entries, current);
        return entries;
    }

    private static void add(List<String> entries, StringBuilder current) {
        String entry = current.toString().strip();
        if (!entry.isEmpty()) {
            entries.add(entry);
        }
    }
}
