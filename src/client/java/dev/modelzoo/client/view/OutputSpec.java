package dev.modelzoo.client.view;

import java.util.List;

/** What a network predicts: the task and its ordered labels. */
public record OutputSpec(Task task, List<String> labels) {
}
