package dev.modelzoo.finetune;

import java.util.UUID;

/** CDI event: a job was committed to the queue (local workers wake up instead of waiting for their next poll). */
public record JobQueued(UUID id) {
}
