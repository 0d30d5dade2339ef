package dev.modelzoo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The {@code postmaster.pid} lock of a PostgreSQL data directory. After the JVM that owned the embedded PostgreSQL
 * was killed, its postmaster may still run on the directory: a new start must stop it first (two servers must
 * never share one directory), and a lock left by a postmaster that is gone must not block the start.
 */
final class PostmasterLock {

    private static final Logger LOG = Logger.getLogger(PostmasterLock.class);
    private static final String FILE = "postmaster.pid";

    private final Path dataDir;

    PostmasterLock(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The PID of the postmaster that holds the lock, when the lock file names one that is alive. */
    Optional<ProcessHandle> holder() {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Optional.empty();   // removed while reading: nobody holds it
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                .filter(this::isPostgres);
    }

    /**
     * Makes the directory free for a new postmaster: stops a live one left on it (fast shutdown, so its data are
     * consistent), or removes a lock whose PID is gone or belongs to another program.
     */
    void release(Duration timeout) {
        Optional<ProcessHandle> holder = holder();
        if (holder.isPresent()) {
            stop(holder.get(), timeout);
        }
        try {
            if (Files.deleteIfExists(dataDir.resolve(FILE))) {
                LOG.infof("Removed the stale %s of %s", FILE, dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the stale " + FILE + " of " + dataDir, e);
        }
    }

    private void stop(ProcessHandle postmaster, Duration timeout) {
        LOG.warnf("A PostgreSQL (PID %d) left by a previous run still serves %s; stopping it before starting",
                postmaster.pid(), dataDir);
        // SIGINT is PostgreSQL's fast shutdown: sessions are ended and the cluster is checkpointed cleanly
        signal("INT", postmaster.pid());
        if (awaitExit(postmaster, timeout)) {
            return;
        }
        LOG.warnf("PostgreSQL %d did not stop within %s; killing it and its backends", postmaster.pid(), timeout);
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster, Duration.ofSeconds(10))) {
            throw new IllegalStateException("PostgreSQL " + postmaster.pid() + " on " + dataDir + " cannot be"
                    + " stopped; stop it by hand before starting ModelZoo");
        }
    }

    private boolean isPostgres(ProcessHandle process) {
        // the lock's PID may have been reused by another program after a reboot; a process whose command cannot
        // be read (another user's) counts as a postmaster: removing a live server's lock would be far worse
        return process.info().command().map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postmaster")).orElse(true);
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (IOException e) {
            LOG.debugf("kill -%s %d failed: %s", signal, pid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }

    /** The postmaster's PID as its lock file records it right after a start. */
    long ownerPid() {
        return holder().map(ProcessHandle::pid).orElse(-1L);
    }

    Path file() {
        return dataDir.resolve(FILE);
    }
}
