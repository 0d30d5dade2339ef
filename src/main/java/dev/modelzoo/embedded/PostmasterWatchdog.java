package dev.modelzoo.embedded;

import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Ends the embedded PostgreSQL when the JVM dies without closing it (kill -9, OOM killer): the postmaster is not a
 * child of the JVM, so nothing else would stop it. A tiny shell loop, started by the JVM but not killed with it,
 * waits for the JVM's PID to disappear and then asks the postmaster for a fast shutdown, but only if the lock file
 * still names that postmaster (after a clean close it is gone, and its PID may belong to someone else by then).
 */
final class PostmasterWatchdog {

    private static final Logger LOG = Logger.getLogger(PostmasterWatchdog.class);

    private PostmasterWatchdog() {
    }

    static void watch(long postmasterPid, Path lockFile) {
        if (postmasterPid <= 0) {
            return;
        }
        long jvm = ProcessHandle.current().pid();
        // the values travel as positional parameters, never spliced into the script
        String script = "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                + "if [ \"$(head -n 1 \"$2\" 2>/dev/null)\" = \"$3\" ]; then kill -INT \"$3\"; fi";
        try {
            new ProcessBuilder("sh", "-c", script, "modelzoo-pg-watchdog", Long.toString(jvm), lockFile.toString(),
                    Long.toString(postmasterPid)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            // no shell (a minimal image): the next start still stops a PostgreSQL left running (PostmasterLock)
            LOG.infof("No watchdog for the embedded PostgreSQL (%s); a crash leaves it to the next start",
                    e.getMessage());
        }
    }
}
