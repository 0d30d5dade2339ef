package dev.modelzoo.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modelzoo.error.Violation;
import java.util.List;

/** An RFC 9457 problem detail, with {@code violations} where they apply. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemView(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {
}
