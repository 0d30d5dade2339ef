package dev.modelzoo.auth;

import dev.modelzoo.error.ConflictException;
import dev.modelzoo.error.ForbiddenException;
import dev.modelzoo.error.NotFoundException;
import dev.modelzoo.spec.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users and their tokens: create, issue, authenticate, revoke. */
@ApplicationScoped
@Transactional
public class TokenService {

    /** Names that would impersonate the zoo itself or the system. */
    static final Set<String> RESERVED = Set.of("zoo", "admin", "system", "api", "anonymous", "modelzoo");
    /** Writing last-used on every request would turn reads into writes; this resolution is enough for audits. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(5);

    private final UserRepository users;
    private final TokenRepository tokens;

    public TokenService(UserRepository users, TokenRepository tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** Creates a user (admins only) and its first token. */
    public IssuedToken createUser(Caller caller, String name, boolean admin) {
        if (!caller.admin()) {
            throw new ForbiddenException("Only administrators create users");
        }
        Names.require("name", name);
        if (RESERVED.contains(name)) {
            throw new ConflictException("The name '" + name + "' is reserved");
        }
        if (users.findByName(name).isPresent()) {
            throw new ConflictException("User '" + name + "' exists already");
        }
        UserAccount user = newUser(name, admin);
        return issue(user, "initial token", TokenHasher.newToken());
    }

    /** Issues another token for the caller. */
    public IssuedToken issueFor(Caller caller, String description) {
        UserAccount user = users.findById(caller.userId());
        return issue(user, description, TokenHasher.newToken());
    }

    /** Revokes one of the caller's tokens (admins may revoke any). */
    public void revoke(Caller caller, long tokenId) {
        ApiToken token = tokens.findByIdOptional(tokenId)
                .filter(t -> caller.admin() || t.user.id == caller.userId())
                .orElseThrow(() -> new NotFoundException("token", Long.toString(tokenId)));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
    }

    public List<ApiToken> tokensOf(Caller caller) {
        return tokens.listOf(users.findById(caller.userId()));
    }

    /** Resolves a clear-text token to its caller, or empty when unknown or revoked. */
    public Optional<Caller> authenticate(String token) {
        return tokens.findActiveByHash(TokenHasher.hash(token)).map(found -> {
            Instant now = Instant.now();
            if (found.lastUsedAt == null || found.lastUsedAt.isBefore(now.minus(LAST_USED_RESOLUTION))) {
                found.lastUsedAt = now;
            }
            return Caller.user(found.user.id, found.user.name, found.user.admin);
        });
    }

    /**
     * Makes sure an administrator exists: creates {@code admin} with {@code configuredToken} (or a random token)
     * when there is none, and registers a configured token that is not known yet.
     *
     * @return the clear-text token when one was generated and must be shown
     */
    public Optional<String> bootstrapAdmin(Optional<String> configuredToken) {
        UserAccount admin = users.findByName("admin").orElse(null);
        if (admin == null && users.anyAdmin()) {
            return Optional.empty();
        }
        if (admin == null) {
            admin = newUser("admin", true);
        }
        if (configuredToken.isPresent()) {
            if (tokens.findByHash(TokenHasher.hash(configuredToken.get())).isEmpty()) {
                issue(admin, "bootstrap token (MODELZOO_ADMIN_TOKEN)", configuredToken.get());
            }
            return Optional.empty();
        }
        if (tokens.listOf(admin).isEmpty()) {
            return Optional.of(issue(admin, "bootstrap token", TokenHasher.newToken()).token());
        }
        return Optional.empty();
    }

    private UserAccount newUser(String name, boolean admin) {
        UserAccount user = new UserAccount();
        user.name = name;
        user.admin = admin;
        user.createdAt = Instant.now();
        users.persist(user);
        return user;
    }

    private IssuedToken issue(UserAccount user, String description, String clearText) {
        ApiToken token = new ApiToken();
        token.user = user;
        token.tokenHash = TokenHasher.hash(clearText);
        token.description = description;
        token.createdAt = Instant.now();
        tokens.persist(token);
        return new IssuedToken(token.id, user.name, clearText);
    }
}
