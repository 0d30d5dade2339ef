package dev.modelzoo.dataset.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.error.SafeText;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** JSON Lines of {@code {"text": "...", "label": "..."}}; the shape is the largest number of words in a text. */
public final class JsonLinesText implements DatasetFormat {

    public static final String ID = "jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}']+");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Integer> read(Path file, Limits limits, Consumer<Example> sink) {
        int longest = 0;
        int rows = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (++rows > limits.maxEntries()) {
                    throw new DatasetFormatException("line " + lineNumber, "more than " + limits.maxEntries()
                            + " lines");
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new DatasetFormatException("line " + lineNumber, "is not a JSON object");
                }
                String text = field(node, "text", lineNumber);
                String label = field(node, "label", lineNumber);
                longest = Math.max(longest, (int) WORDS.splitAsStream(text).filter(w -> !w.isEmpty()).count());
                sink.accept(Example.text(label, text));
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DatasetFormatException(null, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new DatasetFormatException(null, "the file cannot be read (" + SafeText.of(e.getMessage()) + ")");
        }
        if (rows == 0) {
            throw new DatasetFormatException(null, "no lines");
        }
        return List.of(Math.max(1, longest));
    }

    private static String field(JsonNode node, String name, int lineNumber) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DatasetFormatException("line " + lineNumber, "needs a non-empty string field \"" + name + "\"");
        }
        return value.asText();
    }
}
