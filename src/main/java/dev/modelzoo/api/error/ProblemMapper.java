package dev.modelzoo.api.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.modelzoo.error.ModelZooException;
import dev.modelzoo.error.ProblemType;
import dev.modelzoo.error.RangeNotSatisfiableException;
import dev.modelzoo.error.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problem responses; no stack trace or class name leaves it. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response modelZoo(ModelZooException e, UriInfo uri) {
        if (e.type().status() >= 500) {
            LOG.errorf(e, "%s on %s", e.getMessage(), uri.getPath());
        } else {
            LOG.debugf("%d on %s: %s", e.type().status(), uri.getPath(), e.getMessage());
        }
        Response.ResponseBuilder response = ProblemResponses.response(e.type(), e.getMessage(), uri.getPath(),
                e.violations());
        if (e instanceof RangeNotSatisfiableException range) {
            response.header("Content-Range", "bytes */" + range.size());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ProblemMapper::toViolation)
                .collect(Collectors.toList());
        String detail = violations.isEmpty() ? "The request is invalid"
                : "The request is invalid: " + violations.get(0).field() + " " + violations.get(0).message();
        return ProblemResponses.response(ProblemType.INVALID_REQUEST, detail, uri.getPath(), violations).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.response(ProblemType.MALFORMED_REQUEST,
                "The JSON body cannot be read " + JsonProblems.describe(e), uri.getPath(),
                List.of()).build();
    }

    /** Overrides the framework's own mapper for this subtype (wrong types, unknown enum values). */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        ProblemType type = WebStatus.problemType(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 415 -> "This content type is not accepted here";
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The request body is too large";
            default -> type.title();
        };
        if (status >= 500) {
            LOG.errorf(e, "Unexpected %d on %s", status, uri.getPath());
        }
        return ProblemResponses.response(type, detail, uri.getPath(), List.of()).build();
    }

    @ServerExceptionMapper
    public Response databaseDown(JDBCConnectionException e, UriInfo uri) {
        LOG.errorf(e, "Database unavailable on %s", uri.getPath());
        return databaseUnavailable(uri);
    }

    /**
     * Other JDBC failures: a connection that the restarting database ended (SQL state 57P01-57P03, or class 08)
     * is unavailability, anything else is a server error.
     */
    @ServerExceptionMapper
    public Response jdbc(org.hibernate.JDBCException e, UriInfo uri) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
            LOG.warnf("Database unavailable on %s (SQL state %s)", uri.getPath(), state);
            return databaseUnavailable(uri);
        }
        if (poolExhausted(e)) {
            LOG.warnf("No database connection free on %s within the acquisition timeout", uri.getPath());
            return ProblemResponses.response(ProblemType.SERVICE_UNAVAILABLE, "The server is busy: every database"
                    + " connection is in use; retry shortly", uri.getPath(), List.of()).build();
        }
        return unexpected(e, uri);
    }

    /** Agroal's answer when no pooled connection became free in time (a SQLException without SQL state). */
    private static boolean poolExhausted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Response databaseUnavailable(UriInfo uri) {
        return ProblemResponses.response(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable; retry later",
                uri.getPath(), List.of()).build();
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.debugf("Constraint %s violated on %s", e.getConstraintName(), uri.getPath());
        return ProblemResponses.response(ProblemType.CONFLICT,
                "The change conflicts with a concurrent one; reload and retry", uri.getPath(), List.of()).build();
    }

    /** A value PostgreSQL refuses to store (NUL in text, out of range): the input's fault, nothing was written. */
    @ServerExceptionMapper
    public Response data(org.hibernate.exception.DataException e, UriInfo uri) {
        LOG.debugf("Data refused by the database on %s: SQL state %s", uri.getPath(), e.getSQLState());
        return ProblemResponses.response(ProblemType.MALFORMED_REQUEST,
                "A value in the request cannot be stored (for example text with the NUL character)", uri.getPath(),
                List.of()).build();
    }

    @ServerExceptionMapper
    public Response io(java.io.IOException e, UriInfo uri) {
        // the multipart reader signals a chunked body over quarkus.http.limits.max-body-size this way
        if ("Request too large".equals(e.getMessage())) {
            return ProblemResponses.response(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the upload limit (modelzoo.upload.max-size)", uri.getPath(), List.of())
                    .build();
        }
        if (isBrokenBody(e)) {
            LOG.debugf("Unreadable request body on %s: %s", uri.getPath(), e.getMessage());
            return ProblemResponses.response(ProblemType.MALFORMED_REQUEST, "The request body is not complete"
                    + " multipart/form-data: it ended before the closing boundary, or its boundary does not match the"
                    + " Content-Type's", uri.getPath(), List.of()).build();
        }
        return unexpected(e, uri);
    }

    /** The multipart reader's ways of saying the body ended early (short Content-Length, no closing boundary). */
    private static boolean isBrokenBody(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.channels.ClosedChannelException
                    || cause instanceof io.vertx.core.http.HttpClosedException
                    || (cause.getMessage() != null && cause.getMessage().contains("parsing multipart"))) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", incident, uri.getPath());
        return ProblemResponses.response(ProblemType.INTERNAL, "Unexpected error; incident " + incident,
                uri.getPath(), List.of()).build();
    }

    private static Violation toViolation(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // method-parameter paths look like "publish.arg2.inputSpec.shape"; keep the part a client recognises
        String field = path.replaceFirst("^[^.]+\\.(arg\\d+|[a-zA-Z]+Request|request|metadata)\\.", "");
        return Violation.ofField(field, null, violation.getInvalidValue() == null ? null
                : abbreviate(String.valueOf(violation.getInvalidValue())), violation.getMessage());
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
