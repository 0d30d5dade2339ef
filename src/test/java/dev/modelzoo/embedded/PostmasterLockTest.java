package dev.modelzoo.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The lock file of a PostgreSQL data directory; a live orphan is stopped in CrashRecoveryIT (packaged server). */
class PostmasterLockTest {

    @Test
    void aLockWhosePostmasterIsGoneIsRemoved() throws Exception {
        Path dir = Files.createTempDirectory("modelzoo-pg-stale-");
        // PID 2^22+ is above Linux's pid_max default: certainly not a live process
        Files.writeString(dir.resolve("postmaster.pid"), "4194999\n" + dir + "\n");
        PostmasterLock lock = new PostmasterLock(dir);
        assertThat(lock.holder()).isEmpty();
        lock.release(java.time.Duration.ofSeconds(1));
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }
}
