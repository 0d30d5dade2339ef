package dev.modelzoo.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelzoo.client.view.JobEvent;
import dev.modelzoo.client.view.JobStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's pure parts: references, and the text/event-stream parser. */
class ReferenceAndEventsTest {

    @Test
    void referencesParseAsTheRegistryWritesThem() {
        assertThat(Reference.parse("zoo/letters-lenet")).isEqualTo(new Reference("zoo", "letters-lenet", null));
        assertThat(Reference.parse("zoo/letters-lenet@3").version()).isEqualTo(3);
        assertThat(Reference.parse("zoo/letters-lenet@latest").version()).isNull();
        assertThat(Reference.parse("a/b@2")).hasToString("a/b@2");
        assertThat(Reference.parse("a/b").versionSegment()).isEqualTo("latest");
        for (String bad : List.of("", "zoo", "/x", "zoo/", "a/b/c", "a/b@", "a/b@x", "a/b@0", "a/b@-1")) {
            assertThatThrownBy(() -> Reference.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void eventStreamReadsIdsNamesMultiLineDataAndSkipsComments() {
        String stream = ": a comment\n"
                + "id: 7\nevent: state\ndata: {\"status\": \"RUNNING\", \"attempt\": 1,\n"
                + "data:  \"message\": \"started\"}\n\n"
                + "retry: 1000\n\n"
                + "id:8\nevent:epoch\ndata:{\"stage\": \"HEAD_ONLY\", \"epoch\": 2, \"epochs\": 5,"
                + " \"validationAccuracy\": 0.5, \"time\": \"2026-12-01T10:00:00Z\"}\n\n"
                + "id: 9\nevent: brand-new\ndata: {\"future\": true}\n\n"
                + "id: x9\nevent: log\ndata: {\"phase\": \"TRAIN\", \"message\": \"an id that is no number\"}\n\n"
                + "id: 10\nevent: log\ndata: {\"phase\": \"TRAIN\", \"message\": \"cut off: no blank line\"}";
        List<JobEvent> events = new ArrayList<>();
        try (EventStream parsed = new EventStream(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)),
                0, Duration.ofSeconds(5))) {
            parsed.forEachRemaining(events::add);
            assertThat(parsed.lastEventId()).isEqualTo(9);
        }
        // the unnumbered event keeps the last id; the event cut off by the end of the stream is dropped (SSE rule)
        assertThat(events).extracting(JobEvent::id).containsExactly(7L, 8L, 9L, 9L);
        assertThat(events).extracting(JobEvent::type).containsExactly(JobEvent.Type.STATE, JobEvent.Type.EPOCH,
                JobEvent.Type.OTHER, JobEvent.Type.LOG);
        assertThat(events.get(0).data().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(events.get(0).data().message()).isEqualTo("started");
        assertThat(events.get(1).data().epoch()).isEqualTo(2);
        assertThat(events.get(1).data().validationAccuracy()).isEqualTo(0.5);
        assertThat(events.get(1).data().time()).hasToString("2026-12-01T10:00:00Z");
        assertThat(events.get(3).data().message()).isEqualTo("an id that is no number");
    }
}
