package dev.modelzoo.error;

/** The problem types of the API (RFC 9457 {@code type}), each with its HTTP status and title. */
public enum ProblemType {
    /** The request could not be parsed: bad JSON, a missing multipart part, a wrong parameter type. */
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    /** The request parsed but a field is invalid, e.g. a name with uppercase letters; see {@code violations}. */
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    /** No valid bearer token was presented for a write. */
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    /** The caller may not write into this namespace or perform this action. */
    FORBIDDEN(403, "forbidden", "Forbidden"),
    /** The model, version, dataset, job, user or route does not exist. */
    NOT_FOUND(404, "not-found", "Not found"),
    /** The HTTP method is not supported on this path. */
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    /** The representation asked for in {@code Accept} is not offered. */
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    /** The resource exists already, e.g. the version was published concurrently. */
    CONFLICT(409, "conflict", "Conflict"),
    /** The upload is larger than {@code modelzoo.upload.max-size}. */
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    /** The request target is longer than ModelZoo accepts (8 KiB). */
    URI_TOO_LONG(414, "uri-too-long", "URI too long"),
    /** The request headers together exceed ModelZoo's limit (20 KiB). */
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request headers too large"),
    /** The request body has a content type this endpoint does not accept. */
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    /** The requested byte range lies outside the artifact. */
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable"),
    /** The artifact is not a loadable DL4J network. */
    INVALID_ARTIFACT(422, "invalid-artifact", "Invalid model artifact"),
    /** A Keras or TF.js model the importer cannot convert: a layer type, a Keras version, nested models. */
    UNSUPPORTED_MODEL(422, "unsupported-model", "Unsupported model"),
    /** The declared input or output spec contradicts the network; see {@code violations}. */
    SPEC_MISMATCH(422, "spec-mismatch", "Declared spec does not match the network"),
    /** The uploaded dataset is unreadable or inconsistent; see {@code violations}. */
    INVALID_DATASET(422, "invalid-dataset", "Invalid dataset"),
    /** The base model and the data are not compatible; see {@code violations}. */
    INCOMPATIBLE(422, "incompatible", "Incompatible base model and data"),
    /** A dependency (database or object storage) is unavailable; retry later. */
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    /** An unexpected server error; it is logged with a correlation id. */
    INTERNAL(500, "internal", "Internal server error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The {@code type} URI reference of this problem; it resolves to a description served by the API. */
    public String uri() {
        return "/problems/" + slug;
    }
}
