package dev.modelzoo.api.error;

import dev.modelzoo.api.dto.ProblemView;
import dev.modelzoo.error.ProblemType;
import dev.modelzoo.error.Violation;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static ProblemView body(ProblemType type, String detail, String instance, List<Violation> violations) {
        return new ProblemView(type.uri(), type.title(), type.status(), detail, instance, violations);
    }

    /** Seconds a client should wait before retrying a 503 (a busy pool frees up, a restarting database returns). */
    public static final String RETRY_AFTER_SECONDS = "2";

    public static Response.ResponseBuilder response(ProblemType type, String detail, String instance,
            List<Violation> violations) {
        Response.ResponseBuilder response = Response.status(type.status()).type(MEDIA_TYPE)
                .entity(body(type, detail, instance, violations));
        return type == ProblemType.SERVICE_UNAVAILABLE ? response.header("Retry-After", RETRY_AFTER_SECONDS)
                : response;
    }
}
