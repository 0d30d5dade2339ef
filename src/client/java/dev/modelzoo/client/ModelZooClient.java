package dev.modelzoo.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelzoo.client.view.CompatibilityQuery;
import dev.modelzoo.client.view.CompatibilityReport;
import dev.modelzoo.client.view.Dataset;
import dev.modelzoo.client.view.DatasetUpload;
import dev.modelzoo.client.view.FineTuneRequest;
import dev.modelzoo.client.view.Job;
import dev.modelzoo.client.view.JobEvent;
import dev.modelzoo.client.view.JobStatus;
import dev.modelzoo.client.view.Lineage;
import dev.modelzoo.client.view.ModelDetails;
import dev.modelzoo.client.view.ModelSummary;
import dev.modelzoo.client.view.Modality;
import dev.modelzoo.client.view.Page;
import dev.modelzoo.client.view.Predictions;
import dev.modelzoo.client.view.Recommendation;
import dev.modelzoo.client.view.User;
import dev.modelzoo.client.view.VersionDetails;
import dev.modelzoo.client.view.VersionSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ModelZoo API in Java: browse, download (verified, resumable), publish, upload datasets, check compatibility,
 * run and follow fine-tunes, predict. Every error answer is thrown as a {@link ProblemException}; a server that
 * cannot be reached as a {@link ClientException}. Thread-safe; one instance per server is enough.
 */
public final class ModelZooClient {

    /** Reconnects in a row before a broken event stream is given up. */
    private static final int RECONNECTS = 5;

    private final Transport transport;
    private final ArtifactDownloader downloader;
    private final Duration transferTimeout;
    private final Duration idleTimeout;

    private ModelZooClient(Builder builder) {
        this.transport = new Transport(builder.baseUrl, builder.token, builder.connectTimeout,
                builder.requestTimeout, builder.userAgent);
        this.downloader = new ArtifactDownloader(transport, builder.idleTimeout);
        this.transferTimeout = builder.transferTimeout;
        this.idleTimeout = builder.idleTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI baseUrl() {
        return transport.base();
    }

    // ---- users

    /** The user the token belongs to (401 without a token). */
    public User whoami() {
        return transport.json(transport.request("/users/me").GET().build(), User.class);
    }

    // ---- models

    public Page<ModelSummary> search(SearchQuery query) {
        return transport.json(transport.request("/models", query.parameters()).GET().build(),
                new TypeReference<Page<ModelSummary>>() {
                });
    }

    /** A model, its versions (newest first) and its latest version in full; the reference's version is ignored. */
    public ModelDetails model(Reference model) {
        return transport.json(transport.request(modelPath(model)).GET().build(), ModelDetails.class);
    }

    public List<VersionSummary> versions(Reference model) {
        return transport.json(transport.request(modelPath(model) + "/versions").GET().build(),
                new TypeReference<List<VersionSummary>>() {
                });
    }

    /** One version in full; without a version in the reference, the latest. */
    public VersionDetails version(Reference version) {
        return transport.json(transport.request(versionPath(version)).GET().build(), VersionDetails.class);
    }

    public Lineage lineage(Reference version) {
        return transport.json(transport.request(versionPath(version) + "/lineage").GET().build(), Lineage.class);
    }

    /**
     * Publishes a version of {@code model} (namespace/name): the artifact file and the metadata JSON (inputSpec,
     * outputSpec, description, license, tags, card, ...). Answers the published version.
     */
    public VersionDetails publish(Reference model, Path artifact, JsonNode metadata, ProgressListener progress) {
        MultipartBody body = new MultipartBody().text("metadata", "application/json", metadata.toString())
                .file("artifact", artifact, "application/zip");
        return upload(modelPath(model) + "/versions", body, progress, VersionDetails.class);
    }

    /**
     * Downloads a version's artifact to {@code target}: streamed, resumed from {@code target.part} when one is
     * there, and kept only when its sha256 is the published one ({@link IntegrityException} otherwise).
     */
    public Download download(Reference version, Path target, ProgressListener progress) {
        return download(version(version), target, progress);
    }

    /** The same for a version already looked up (one request fewer). */
    public Download download(VersionDetails version, Path target, ProgressListener progress) {
        // the exact version, so that a version published meanwhile does not change what "latest" sends
        Reference exact = new Reference(version.namespace(), version.name(), version.version());
        return downloader.download(version.reference(), versionPath(exact) + "/artifact", version.sha256(),
                version.sizeBytes(), target, progress);
    }

    /**
     * Downloads the original upload of an imported version (its Keras HDF5 file or TF.js zip) to {@code target},
     * verified against its published sha256; an {@link IllegalArgumentException} for versions published as DL4J.
     */
    public Download downloadSource(VersionDetails version, Path target, ProgressListener progress) {
        if (version.source() == null || !version.source().imported()) {
            throw new IllegalArgumentException(version.reference() + " was published as a DL4J zip; download its"
                    + " artifact");
        }
        Reference exact = new Reference(version.namespace(), version.name(), version.version());
        return downloader.download(version.reference(), versionPath(exact) + "/source", version.source().sha256(),
                version.source().sizeBytes(), target, progress);
    }

    /** Predicts from an image file (IMAGE models; the server resizes nothing: the image must fit the input). */
    public Predictions predictImage(Reference version, Path image) {
        MultipartBody body = new MultipartBody().file("image", image, MultipartBody.contentTypeOf(image));
        return upload(versionPath(version) + "/predict", body, ProgressListener.NONE, Predictions.class);
    }

    /** Predicts from a WAV clip (AUDIO models with an audio front end; the server resamples, pads or trims it). */
    public Predictions predictAudio(Reference version, Path wav) {
        MultipartBody body = new MultipartBody().file("audio", wav, "audio/wav");
        return upload(versionPath(version) + "/predict", body, ProgressListener.NONE, Predictions.class);
    }

    /** Predicts from texts (TEXT models). */
    public Predictions predictTexts(Reference version, List<String> texts) {
        ObjectNode body = Transport.JSON.createObjectNode();
        texts.forEach(body.putArray("inputs")::add);
        return predict(version, body);
    }

    /** Predicts from a request body {@code {"inputs": [...]}}: rows of numbers, or strings for TEXT models. */
    public Predictions predict(Reference version, JsonNode body) {
        return transport.json(transport.request(versionPath(version) + "/predict")
                .header("Content-Type", "application/json").POST(Transport.jsonBody(body)).build(),
                Predictions.class);
    }

    // ---- datasets

    /** Uploads a dataset version: a ZIP of class folders, a CSV or JSON Lines, described by {@code metadata}. */
    public Dataset uploadDataset(Reference dataset, Path file, DatasetUpload metadata, ProgressListener progress) {
        MultipartBody body = new MultipartBody()
                .text("metadata", "application/json", Transport.JSON.valueToTree(metadata).toString())
                .file("file", file, MultipartBody.contentTypeOf(file));
        return upload("/datasets/" + Transport.encode(dataset.namespace()) + "/" + Transport.encode(dataset.name()),
                body, progress, Dataset.class);
    }

    /** A dataset version; without a version in the reference, the latest. */
    public Dataset dataset(Reference dataset) {
        return transport.json(transport.request("/datasets/" + Transport.encode(dataset.namespace()) + "/"
                + Transport.encode(dataset.name()) + "/versions/" + dataset.versionSegment()).GET().build(),
                Dataset.class);
    }

    public Page<Dataset> datasets(String namespace, Modality modality, Integer page, Integer size) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfSet(query, "namespace", namespace);
        putIfSet(query, "modality", modality);
        putIfSet(query, "page", page);
        putIfSet(query, "size", size);
        return transport.json(transport.request("/datasets", query).GET().build(),
                new TypeReference<Page<Dataset>>() {
                });
    }

    // ---- compatibility, recommendations and fine-tunes

    /**
     * The catalog's bases ranked for {@code dataset} ({@code ns/name[@v]}) by a probe on their frozen features, at
     * most {@code limit} (null: the server's 10); incompatible and unscored bases are listed with the reason.
     */
    public Recommendation recommend(String dataset, Integer limit) {
        ObjectNode body = Transport.JSON.createObjectNode().put("dataset", dataset);
        if (limit != null) {
            body.put("limit", limit);
        }
        return transport.json(post("/recommendations", body), Recommendation.class);
    }

    /** The checker's report; an incompatible pair is an answer ({@code compatible == false}), not an error. */
    public CompatibilityReport check(CompatibilityQuery query) {
        return transport.json(post("/compatibility", query), CompatibilityReport.class);
    }

    /** Starts a fine-tune job (a 422 {@link ProblemException} with the violations when the pair does not fit). */
    public Job startFineTune(FineTuneRequest request) {
        return transport.json(post("/fine-tunes", request), Job.class);
    }

    public Job job(String id) {
        return transport.json(transport.request("/fine-tunes/" + Transport.encode(id)).GET().build(), Job.class);
    }

    public Page<Job> jobs(JobStatus status, Integer page, Integer size) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfSet(query, "status", status);
        putIfSet(query, "page", page);
        putIfSet(query, "size", size);
        return transport.json(transport.request("/fine-tunes", query).GET().build(),
                new TypeReference<Page<Job>>() {
                });
    }

    /** Cancels a job: a queued one at once, a running one at its next minibatch. */
    public Job cancel(String id) {
        return transport.json(transport.request("/fine-tunes/" + Transport.encode(id) + "/cancel")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), Job.class);
    }

    /** The job's events after {@code afterId} (0: all of them) as an iterator; close it when done. */
    public EventStream events(String id, long afterId) {
        HttpRequest.Builder request = transport.request("/fine-tunes/" + Transport.encode(id) + "/events")
                .header("Accept", "text/event-stream").GET();
        if (afterId > 0) {
            request.header("Last-Event-ID", String.valueOf(afterId));
        }
        HttpResponse<InputStream> response = transport.send(request.build());
        return new EventStream(response.body(), afterId, idleTimeout);
    }

    /**
     * Follows a job to its end: every event goes to {@code listener} once, as it arrives; a stream that ends or
     * breaks before the job does (the server's 30-minute limit, a dropped or silent connection) is resumed after
     * the last event delivered. Gives up after {@value #RECONNECTS} reconnects in a row that brought nothing new.
     * Answers the final job (a status this client does not know counts as final).
     */
    public Job watch(String id, Consumer<JobEvent> listener) {
        long last = 0;
        int fruitless = 0;
        while (true) {
            long before = last;
            long opened = System.nanoTime();
            RuntimeException broken = null;
            try (EventStream stream = events(id, last)) {
                while (stream.hasNext()) {
                    JobEvent event = stream.next();
                    listener.accept(event);
                    last = event.id();
                }
            } catch (ProblemException e) {
                if (e.status() < 500) {
                    throw e;
                }
                broken = e;
            } catch (ClientException | UncheckedIOException e) {
                broken = e;
            }
            if (broken == null) {
                Job job = job(id);
                if (job.status() == null || job.status().isFinal()) {
                    return job;
                }
            }
            // a stream that brought events, or that stayed open a while (a quiet job), was not a failure
            boolean productive = last > before
                    || broken == null && System.nanoTime() - opened > idleTimeout.toNanos();
            fruitless = productive ? 0 : fruitless + 1;
            if (fruitless > RECONNECTS) {
                throw broken instanceof ClientException client ? client : new ClientException("the event stream"
                        + " of job " + id + " keeps ending without news" + (broken == null ? ""
                                : ": " + broken.getMessage()), broken);
            }
            if (fruitless > 0) {
                pause(fruitless);
            }
        }
    }

    // ---- plumbing

    private <T> T upload(String path, MultipartBody body, ProgressListener progress, Class<T> type) {
        HttpRequest request = transport.request(path).timeout(transferTimeout)
                .header("Content-Type", body.contentType()).POST(body.publisher(progress)).build();
        return transport.json(request, type);
    }

    private HttpRequest post(String path, Object body) {
        return transport.request(path).header("Content-Type", "application/json").POST(Transport.jsonBody(body))
                .build();
    }

    private static String modelPath(Reference model) {
        return "/models/" + Transport.encode(model.namespace()) + "/" + Transport.encode(model.name());
    }

    private static String versionPath(Reference version) {
        return modelPath(version) + "/versions/" + version.versionSegment();
    }

    private static void putIfSet(Map<String, String> query, String key, Object value) {
        if (value != null) {
            query.put(key, String.valueOf(value));
        }
    }

    private static void pause(int failures) {
        try {
            Thread.sleep(Math.min(5_000, 250L << failures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while following a job", e);
        }
    }

    /** The sha256 of a local file, as the registry computes it. */
    public static String sha256Of(Path file) {
        try {
            return ArtifactDownloader.sha256Of(file);
        } catch (IOException e) {
            throw new ClientException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a JSON file (publish metadata, predict bodies). */
    public static JsonNode readJson(Path file) {
        try {
            return Transport.JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ClientException("cannot read JSON from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Settings of a client: the server's URL, the token, and timeouts. */
    public static final class Builder {

        private URI baseUrl = URI.create("http://localhost:8080");
        private String token;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration transferTimeout = Duration.ofHours(1);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private String userAgent = "modelzoo-client/1";

        /** The server's root, e.g. {@code http://localhost:8080} (the API lives under {@code /api/v1}). */
        public Builder baseUrl(String url) {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + url + "' is not an http(s) URL");
            }
            this.baseUrl = uri;
            return this;
        }

        /** A bearer token for writes; null or blank: anonymous (reads only). */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** The longest wait for an answer's first bytes (downloads and event streams then have the idle timeout). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** The longest an upload (publish, dataset) may take from its first byte to the answer. */
        public Builder transferTimeout(Duration timeout) {
            this.transferTimeout = timeout;
            return this;
        }

        /**
         * The longest a download or an event stream may go without a byte (the server sends a keep-alive comment
         * every 15 s): then the download fails (run it again to resume) and {@link #watch} reconnects.
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public ModelZooClient build() {
            return new ModelZooClient(this);
        }
    }
}
