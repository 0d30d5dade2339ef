package dev.modelzoo.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL 17 (zonky binaries) whose data directory survives restarts. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on a free loopback port with its cluster in {@code dataDir} (created on first use), after
     * stopping one that a crashed run left on the same directory; a watchdog stops it if this JVM dies unclosed.
     */
    public static EmbeddedPostgresServer start(Path dataDir, Path binariesDir) {
        return start(dataDir, binariesDir, FreePort.find());
    }

    /** The same on a given port (a restart that clients must find at the same address). */
    public static EmbeddedPostgresServer start(Path dataDir, Path binariesDir, int port) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(binariesDir);
            PostmasterLock lock = new PostmasterLock(dataDir);
            lock.release(Duration.ofSeconds(30));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    // keep the cluster between runs: the embedded default is meant to survive restarts
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            PostmasterWatchdog.watch(lock.ownerPid(), lock.file());
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
