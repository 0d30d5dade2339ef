package dev.modelzoo.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A failed job's error is read by users and programs: words, never Java class or method names. */
class JobErrorsTest {

    @Test
    void classAndMethodNamesAreRemoved() {
        String nd4j = JobErrors.describe(new IllegalStateException("Unsupported allocation mode for"
                + " org.nd4j.linalg.api.buffer.DataBuffer.AllocationMode: MIXED_DATA_TYPES"));
        assertThat(nd4j).isEqualTo("Unsupported allocation mode for (internal): MIXED_DATA_TYPES");
        String list = JobErrors.describe(new NullPointerException("Cannot invoke \"java.util.List.size()\" because"
                + " \"labels\" is null"));
        assertThat(list).doesNotContain("java.util").isEqualTo("Cannot invoke \"(internal)\" because \"labels\" is"
                + " null");
        assertThat(JobErrors.describe(new RuntimeException("shape [32, 784] does not match 1.5 or e.g. this")))
                .isEqualTo("shape [32, 784] does not match 1.5 or e.g. this");
    }

    @Test
    void emptyMessagesAndMemoryGetSentences() {
        assertThat(JobErrors.describe(new NullPointerException())).isEqualTo("the worker could not finish the job"
                + " (details are in the server log)");
        assertThat(JobErrors.describe(new OutOfMemoryError("Java heap space"))).contains("ran out of memory");
        assertThat(JobErrors.describe(new RuntimeException("x".repeat(2000)))).hasSize(503);
    }
}
