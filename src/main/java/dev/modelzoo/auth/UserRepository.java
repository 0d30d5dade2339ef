package dev.modelzoo.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Finders for {@link UserAccount}. */
@ApplicationScoped
public class UserRepository implements PanacheRepository<UserAccount> {

    public Optional<UserAccount> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    public boolean anyAdmin() {
        return count("admin", true) > 0;
    }
}
