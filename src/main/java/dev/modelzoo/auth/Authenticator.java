package dev.modelzoo.auth;

import dev.modelzoo.error.ForbiddenException;
import dev.modelzoo.error.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Resolves the caller of the current request from {@code Authorization: Bearer}, lazily: reads stay anonymous and
 * never touch the token table; writes ask for a caller.
 */
@RequestScoped
public class Authenticator {

    private static final String BEARER = "Bearer ";

    private final HttpServerRequest request;
    private final TokenService tokens;
    private Optional<Caller> resolved;

    public Authenticator(HttpServerRequest request, TokenService tokens) {
        this.request = request;
        this.tokens = tokens;
    }

    /** The caller, empty for anonymous requests; a present but invalid token is a 401. */
    public Optional<Caller> caller() {
        if (resolved == null) {
            resolved = resolve(request.getHeader("Authorization"));
        }
        return resolved;
    }

    /** The caller, or a 401 when the request is anonymous. */
    public Caller require() {
        return caller().orElseThrow(() -> new UnauthorizedException(
                "This request needs a token: send 'Authorization: Bearer <token>'"));
    }

    /** The caller when allowed to write into {@code namespace}; 401 or 403 otherwise. */
    public Caller requireWriter(String namespace) {
        Caller caller = require();
        if (!caller.mayWrite(namespace)) {
            throw new ForbiddenException("User '" + caller.name() + "' may not write into namespace '"
                    + namespace + "'");
        }
        return caller;
    }

    private Optional<Caller> resolve(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthorizedException("Unsupported Authorization scheme; use 'Bearer <token>'");
        }
        String token = header.substring(BEARER.length()).trim();
        return Optional.of(tokens.authenticate(token)
                .orElseThrow(() -> new UnauthorizedException("The token is unknown or revoked")));
    }
}
