package dev.modelzoo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.modelzoo.client.view.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP exchange under the client: requests with the token, JSON both ways, error answers as problems. */
final class Transport {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            // a newer server may add fields; this client reads what it knows
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration requestTimeout;
    private final String userAgent;

    Transport(URI base, String token, Duration connectTimeout, Duration requestTimeout, String userAgent) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        // redirects are not followed: an artifact redirect goes to storage, and the token must not go with it;
        // plain http stays HTTP/1.1 (an h2c upgrade buys nothing here and held back the first body bytes of a
        // download behind a slow link), https negotiates HTTP/2 with ALPN
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version("https".equals(this.base.getScheme()) ? HttpClient.Version.HTTP_2
                        : HttpClient.Version.HTTP_1_1)
                .build();
    }

    URI base() {
        return base;
    }

    /** A request to {@code path} (under {@code /api/v1}) with the query parameters that are set. */
    HttpRequest.Builder request(String path, Map<String, String> query) {
        String queryText = query == null || query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path + queryText))
                .header("User-Agent", userAgent);
        if (requestTimeout != null) {
            builder.timeout(requestTimeout);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpRequest.Builder request(String path) {
        return request(path, Map.of());
    }

    /** Sends and reads a JSON answer of {@code type}; an error status becomes a {@link ProblemException}. */
    <T> T json(HttpRequest request, Class<T> type) {
        return json(request, JSON.constructType(type));
    }

    <T> T json(HttpRequest request, TypeReference<T> type) {
        return json(request, JSON.getTypeFactory().constructType(type));
    }

    private <T> T json(HttpRequest request, JavaType type) {
        HttpResponse<InputStream> response = send(request);
        try (InputStream body = response.body()) {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new ClientException("unreadable answer from " + request.uri() + ": " + e.getMessage(), e);
        }
    }

    /** Sends and returns the answer with its body unread; any status of 400 or more is thrown as a problem. */
    HttpResponse<InputStream> send(HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new ClientException("cannot reach " + base + ": connection timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ClientException("no answer from " + base + " within " + request.timeout().map(
                    Transport::seconds).orElse("the timeout"), e);
        } catch (ConnectException e) {
            throw new ClientException("cannot reach " + base + ": connection refused", e);
        } catch (IOException e) {
            throw new ClientException("request to " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting for " + base, e);
        }
        if (response.statusCode() >= 400) {
            throw problem(response);
        }
        if (response.statusCode() >= 300 && response.statusCode() != 304) {
            closeQuietly(response.body());
            throw new ClientException("the server redirected " + request.uri().getPath() + " to "
                    + response.headers().firstValue("Location").orElse("nowhere") + " (HTTP "
                    + response.statusCode() + "); is --url the server's root?");
        }
        return response;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing more to read from it anyway
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The problem an error answer carries; an answer that is not problem+json becomes one with its status. */
    static ProblemException problem(HttpResponse<InputStream> response) {
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            body = new byte[0];
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.startsWith(PROBLEM_JSON) || contentType.startsWith("application/json")) {
            try {
                Problem problem = JSON.readValue(body, Problem.class);
                if (problem.title() != null) {
                    return new ProblemException(new Problem(problem.type(), problem.title(),
                            problem.status() == 0 ? response.statusCode() : problem.status(), problem.detail(),
                            problem.instance(), problem.violations() == null ? List.of() : problem.violations()));
                }
            } catch (IOException e) {
                // not a problem document after all: described below from the status
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return new ProblemException(new Problem("about:blank", reason(response.statusCode()), response.statusCode(),
                text.isEmpty() ? null : text.substring(0, Math.min(text.length(), 500)),
                response.uri().getPath(), List.of()));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 422 -> "Unprocessable Content";
            case 431 -> "Request Header Fields Too Large";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }

    static HttpRequest.BodyPublisher jsonBody(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
