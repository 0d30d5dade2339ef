package dev.modelzoo.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Finders for {@link ApiToken}. */
@ApplicationScoped
public class TokenRepository implements PanacheRepository<ApiToken> {

    public Optional<ApiToken> findActiveByHash(String tokenHash) {
        return find("tokenHash = ?1 and revokedAt is null", tokenHash).firstResultOptional();
    }

    public Optional<ApiToken> findByHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public List<ApiToken> listOf(UserAccount user) {
        return list("user = ?1 order by id", user);
    }
}
