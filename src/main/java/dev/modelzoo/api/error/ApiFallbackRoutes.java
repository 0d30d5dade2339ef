package dev.modelzoo.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.error.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Problem responses for what never reaches a JAX-RS resource: unknown paths under /api and bodies rejected by the
 * HTTP layer (e.g. over the size limit while streaming).
 */
@ApplicationScoped
public class ApiFallbackRoutes {

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public ApiFallbackRoutes(ObjectMapper mapper, ModelZooConfig config) {
        this.mapper = mapper;
        this.maxBodyBytes = config.upload().maxSize().asLongValue();
    }

    void register(@Observes Router router) {
        // refuse an announced oversized body before reading it (and before "100 Continue" invites the client)
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::rejectAnnouncedOversize);
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::rejectUnreadableUrl);
        router.route("/api/*").order(Integer.MAX_VALUE - 1).handler(context -> write(context,
                ProblemType.NOT_FOUND, "No resource at " + context.normalizedPath()));
        router.route("/api/*").order(-1000).failureHandler(this::failure);
    }

    private void rejectAnnouncedOversize(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBodyBytes) {
            context.response().putHeader("Connection", "close");
            write(context, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        context.next();
    }

    /** A URL whose escapes do not decode, or that decodes to control characters (NUL...), names nothing here. */
    private void rejectUnreadableUrl(RoutingContext context) {
        String problem = UrlText.problem(context.request().path());
        if (problem == null && context.request().query() != null) {
            problem = UrlText.problem(context.request().query());
        }
        if (problem != null) {
            write(context, ProblemType.MALFORMED_REQUEST, "The URL " + problem);
            return;
        }
        context.next();
    }

    private String tooLarge() {
        return "The request body exceeds the upload limit of " + maxBodyBytes + " bytes (modelzoo.upload.max-size)";
    }

    private void failure(RoutingContext context) {
        int status = context.statusCode();
        if (context.response().headWritten() || status < 400 || status >= 500) {
            context.next();
            return;
        }
        String detail = status == 413 ? tooLarge()
                : ProblemType.MALFORMED_REQUEST.title();
        write(context, WebStatus.problemType(status), detail);
    }

    private void write(RoutingContext context, ProblemType type, String detail) {
        try {
            byte[] body = mapper.writeValueAsBytes(ProblemResponses.body(type, detail, context.normalizedPath(),
                    List.of()));
            context.response().setStatusCode(type.status())
                    .putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (Exception e) {
            context.response().setStatusCode(type.status()).end();
        }
    }
}
