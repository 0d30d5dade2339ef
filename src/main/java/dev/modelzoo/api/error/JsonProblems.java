package dev.modelzoo.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Human descriptions of Jackson errors: where, and what, without Java class names. */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** E.g. "at field 'inputSpec.modality': 'PICTURE' is not one of [IMAGE, ...]". */
    public static String describe(JsonProcessingException e) {
        StringBuilder detail = new StringBuilder();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail.append("at field '").append(field).append("'");
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            detail.append(": '").append(format.getValue()).append("' is not one of ")
                    .append(Arrays.toString(format.getTargetType().getEnumConstants()));
        } else {
            if (e.getLocation() != null) {
                detail.append(detail.isEmpty() ? "" : " ").append("(line ").append(e.getLocation().getLineNr())
                        .append(", column ").append(e.getLocation().getColumnNr()).append(")");
            }
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage()
                    // drop fully qualified Java type names, e.g. `dev.modelzoo.spec.InputSpec`
                    .replaceAll("[`(]?[a-z]+(\\.[a-zA-Z0-9_$]+){2,}[`)]?", "a value")
                    .replaceAll("\\s+", " ").trim();
            if (!message.isEmpty()) {
                detail.append(": ").append(message);
            }
        }
        return detail.toString();
    }
}
