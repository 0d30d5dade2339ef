package dev.modelzoo.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelzoo.config.ModelZooConfig;
import dev.modelzoo.error.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;

/**
 * Problem responses for what never reaches a JAX-RS resource: unknown paths under /api and bodies rejected by the
 * HTTP layer (e.g. over the size limit while streaming).
 */
@ApplicationScoped
public class ApiFallbackRoutes {

    /** Turns off Quarkus' own URL check (a bare 400); {@link #enforceRequestLimits} makes it with a problem. */
    public static final String URI_CHECK_PROPERTY = "vertx.disableURIValidation";
    static final int MAX_URI_LENGTH = 8192;
    static final int MAX_HEADER_BYTES = 20 * 1024;

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    public ApiFallbackRoutes(ObjectMapper mapper, ModelZooConfig config) {
        this.mapper = mapper;
        this.maxBodyBytes = config.upload().maxSize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::enforceRequestLimits);
        // a URL the router cannot decode (bad percent-escape) fails before any route matches
        router.errorHandler(400, context -> write(context, ProblemType.MALFORMED_REQUEST, "The URL cannot be"
                + " decoded: " + Optional.ofNullable(UrlText.problem(context.request().uri()))
                .orElse("it is not a valid request target")));
        // refuse an announced oversized body before reading it (and before "100 Continue" invites the client)
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::rejectAnnouncedOversize);
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

    /**
     * ModelZoo's own request-line and header limits, below the HTTP codec's, and the request-target checks, so
     * that the answer is a problem document (the codec's own 414 and 431, and Quarkus' URI check, are bare).
     */
    private void enforceRequestLimits(RoutingContext context) {
        String uri = context.request().uri();
        if (uri != null && uri.length() > MAX_URI_LENGTH) {
            context.response().putHeader("Connection", "close");
            write(context, ProblemType.URI_TOO_LONG, "The request target is longer than " + MAX_URI_LENGTH
                    + " characters");
            return;
        }
        String problem = targetProblem(uri, context.request().path(), context.request().query());
        if (problem != null) {
            write(context, ProblemType.MALFORMED_REQUEST, "The URL " + problem);
            return;
        }
        long headerBytes = 0;
        for (var header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            context.response().putHeader("Connection", "close");
            write(context, ProblemType.HEADERS_TOO_LARGE, "The request headers exceed " + MAX_HEADER_BYTES
                    + " bytes");
            return;
        }
        context.next();
    }

    /**
     * Why the request target names nothing here, or null: it must parse as a java.net.URI (Quarkus' own check,
     * off, see {@link #URI_CHECK_PROPERTY}); under /api/ its escapes must decode to text without control characters
     * and its path must not hold ';'. Runs on every path: matching a path pattern needs the decoded path.
     */
    private static String targetProblem(String uri, String path, String query) {
        if (uri == null) {
            return "is missing";
        }
        try {
            new java.net.URI(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.ofNullable(UrlText.problem(uri)).orElse("is not a valid request target (RFC 3986)");
        }
        if (path == null || !path.startsWith("/api/")) {
            return null;
        }
        String problem = UrlText.pathProblem(path);
        return problem == null && query != null ? UrlText.problem(query) : problem;
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

    /** The path as the problem's instance; the raw one (abbreviated) when it does not decode. */
    private static String instance(RoutingContext context) {
        String raw = context.request().path() == null ? "" : context.request().path();
        String path = UrlText.problem(raw) == null ? context.normalizedPath() : raw;
        return path.length() <= 200 ? path : path.substring(0, 200) + "...";
    }

    private void write(RoutingContext context, ProblemType type, String detail) {
        try {
            byte[] body = mapper.writeValueAsBytes(ProblemResponses.body(type, detail, instance(context),
                    List.of()));
            context.response().setStatusCode(type.status())
                    .putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (Exception e) {
            context.response().setStatusCode(type.status()).end();
        }
    }
}
