package dev.modelzoo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelzoo.client.ModelZooClient;
import dev.modelzoo.client.ProblemException;
import dev.modelzoo.client.ProgressListener;
import dev.modelzoo.client.Reference;
import dev.modelzoo.client.view.DatasetUpload;
import dev.modelzoo.client.view.FineTuneRequest;
import dev.modelzoo.client.view.Modality;
import dev.modelzoo.client.view.Strategy;
import dev.modelzoo.it.AppProcess;
import dev.modelzoo.testing.Fixtures;
import dev.modelzoo.testing.TinyNetworks;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalog at scale (issue 14), against the packaged server on the embedded default with the README's heap:
 * seeds N models through the real publish API with concurrent clients (Zipf-distributed words and tags, IMAGE and
 * TABULAR networks of several shapes), restarts it (start to ready with N models), runs open-loop load at fixed rates
 * and closed-loop maximum throughput over every search kind and model detail with /q/health/live as the bare
 * baseline in the same run, compares downloads through the API with direct GETs of the presigned URL (sequential and
 * 8 clients), and samples the server's RSS at rest, under load, while publishing and during a fine-tune.
 * <pre>
 *   src/scripts/bench-catalog.sh [--models 10000] [--publishers 4] [--rate 200] [--seconds 10] [--clients 16]
 *       [--heap 512m]
 * </pre>
 */
public final class CatalogBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAMESPACES = 16;

    private final Map<String, String> options;
    private final Path work;
    private final List<String> namespaces = new ArrayList<>();
    private final Map<String, String> tokens = new HashMap<>();
    private final List<String> published = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Zipf words;
    private final Zipf tags;
    private final StringBuilder report = new StringBuilder();
    private final AtomicLong peakRssKb = new AtomicLong();
    private AppProcess app;

    private CatalogBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("bench-catalog-");
        this.words = new Zipf(Vocabulary.words(4_000, 7), 1.07);
        this.tags = new Zipf(Vocabulary.words(60, 13), 1.2);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        CatalogBenchmark benchmark = new CatalogBenchmark(options);
        try {
            benchmark.run();
        } finally {
            if (benchmark.app != null) {
                benchmark.app.close();
            }
        }
        System.exit(0);
    }

    private int option(String key, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(key, String.valueOf(defaultValue)));
    }

    private void run() throws Exception {
        int models = option("models", 10_000);
        String heap = options.getOrDefault("heap", "512m");
        long start = System.nanoTime();
        app = TransferBenchmark.startServer("bench-catalog", work.resolve("server"), "2", heap);
        double firstStart = (System.nanoTime() - start) / 1e9;
        line("server: packaged jar, embedded PostgreSQL + S3Proxy, -Xmx%s, 2 cores; first start to ready %.1f s",
                heap, firstStart);
        line("RSS at ready (empty catalog): %d MB", rssMb());
        createUsers();
        seed(models, option("publishers", 4));

        app.close();
        start = System.nanoTime();
        app = TransferBenchmark.startServer("bench-catalog", work.resolve("server"), "2", heap);
        line("restart to ready with %d models: %.1f s", models + 4, (System.nanoTime() - start) / 1e9);
        String dataset = uploadDataset();
        warmUp(dataset);
        line("RSS at rest after restart and warm-up: %d MB", rssMb());

        searchLoad(dataset, option("rate", 200), option("seconds", 10), option("clients", 16));
        line("RSS after the search load: %d MB", rssMb());
        downloads();
        fineTuneMemory();
        line("RSS after the whole benchmark: %d MB (peak sampled %d MB)", rssMb(), peakRssKb.get() / 1024);
        System.out.println();
        System.out.println(report);
    }

    private void createUsers() {
        for (int i = 0; i < NAMESPACES; i++) {
            String name = "pub" + i;
            HttpResponse<String> created = post("/api/v1/users", TransferBenchmark.ADMIN,
                    "{\"name\": \"" + name + "\"}");
            if (created.statusCode() != 201) {
                throw new IllegalStateException("user " + name + ": " + created.body());
            }
            try {
                tokens.put(name, JSON.readTree(created.body()).path("token").asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            namespaces.add(name);
        }
    }

    /** The artifacts models are published with: IMAGE conv nets and TABULAR dense nets of several shapes. */
    private record Artifact(Path file, String modality, List<Integer> shape, int classes) {
    }

    private List<Artifact> artifacts() {
        List<Artifact> artifacts = new ArrayList<>();
        int[][] images = {{1, 8, 2}, {3, 8, 3}, {1, 12, 2}, {1, 16, 4}};
        for (int[] image : images) {
            artifacts.add(new Artifact(TinyNetworks.save(TinyNetworks.convNet(image[0], image[1], image[2], image[1])),
                    "IMAGE", List.of(image[0], image[1], image[1]), image[2]));
        }
        int[][] tables = {{4, 3}, {8, 2}, {16, 5}};
        for (int[] table : tables) {
            artifacts.add(new Artifact(TinyNetworks.save(TinyNetworks.denseNet(table[0], table[1], table[0])),
                    "TABULAR", List.of(table[0]), table[1]));
        }
        return artifacts;
    }

    private void seed(int models, int publishers) throws Exception {
        List<Artifact> artifacts = artifacts();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Map<Integer, AtomicInteger> failuresByStatus = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong firstWindowNanos = new AtomicLong();
        int window = Math.min(3_000, models);
        ExecutorService pool = Executors.newFixedThreadPool(publishers + 1);
        Future<?> sampler = pool.submit(this::sampleRss);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            workers.add(pool.submit(() -> {
                Random random = new Random(next.get() * 31L + Thread.currentThread().getId());
                int i;
                while ((i = next.getAndIncrement()) < models) {
                    Artifact artifact = artifacts.get(i % artifacts.size());
                    String ns = namespaces.get(i % NAMESPACES);
                    String name = words.sample(random) + "-" + words.sample(random) + "-" + i;
                    try {
                        client(tokens.get(ns)).publish(new Reference(ns, name, null), artifact.file(),
                                metadata(artifact, random), ProgressListener.NONE);
                        published.add(ns + "/" + name);
                    } catch (ProblemException e) {
                        failures.incrementAndGet();
                        failuresByStatus.computeIfAbsent(e.status(), s -> new AtomicInteger()).incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        failuresByStatus.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    }
                    if (i == window - 1) {
                        firstWindowNanos.compareAndSet(0, System.nanoTime() - start);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(2, TimeUnit.HOURS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.cancel(true);
        pool.shutdownNow();
        double windowSeconds = firstWindowNanos.get() == 0 ? seconds : firstWindowNanos.get() / 1e9;
        line("publish: %d models with %d clients in %.0f s: %.1f/s overall, %.1f/s over the first %d; failures %d %s",
                models, publishers, seconds, models / seconds, window / windowSeconds, window, failures.get(),
                failuresByStatus);
        line("RSS after publishing: %d MB (peak while publishing %d MB)", rssMb(), peakRssKb.get() / 1024);
    }

    private JsonNode metadata(Artifact artifact, Random random) {
        ObjectNode metadata = JSON.createObjectNode();
        StringBuilder description = new StringBuilder();
        int length = 6 + random.nextInt(10);
        for (int w = 0; w < length; w++) {
            description.append(w == 0 ? "" : " ").append(words.sample(random));
        }
        metadata.put("description", description.toString());
        var tagList = metadata.putArray("tags");
        int count = 1 + random.nextInt(3);
        for (int t = 0; t < count; t++) {
            tagList.add(tags.sample(random));
        }
        ObjectNode input = metadata.putObject("inputSpec");
        input.put("modality", artifact.modality());
        var shape = input.putArray("shape");
        artifact.shape().forEach(shape::add);
        ObjectNode output = metadata.putObject("outputSpec");
        output.put("task", "CLASSIFICATION");
        var labels = output.putArray("labels");
        for (int c = 0; c < artifact.classes(); c++) {
            labels.add("class-" + c);
        }
        return metadata;
    }

    private String uploadDataset() {
        String ns = namespaces.get(0);
        client(tokens.get(ns)).uploadDataset(new Reference(ns, "gray8", null),
                Fixtures.imageFolders(8, false, 6, "a", "b"), new DatasetUpload(Modality.IMAGE, null, null), ProgressListener.NONE);
        return ns + "/gray8";
    }

    private void warmUp(String dataset) throws InterruptedException {
        LoadGenerator load = new LoadGenerator();
        for (Map.Entry<String, java.util.function.IntFunction<URI>> kind : kinds(dataset).entrySet()) {
            load.closedLoop(kind.getKey(), kind.getValue(), 4, 3);
        }
    }

    /** The request kinds, each an address per sequence number (words and tags drawn by their Zipf law). */
    private Map<String, java.util.function.IntFunction<URI>> kinds(String dataset) {
        Map<String, java.util.function.IntFunction<URI>> kinds = new java.util.LinkedHashMap<>();
        String base = app.baseUri();
        kinds.put("bare /q/health/live", i -> URI.create(base + "/q/health/live"));
        kinds.put("q=<word>", i -> URI.create(base + "/api/v1/models?q=" + words.sample(new Random(i))));
        // two Zipf words: mostly distinct pairs, so mostly not cached
        kinds.put("q=<word> <word>", i -> {
            Random random = new Random(i);
            return URI.create(base + "/api/v1/models?q=" + words.sample(random) + "+" + words.sample(random));
        });
        kinds.put("modality=TABULAR", i -> URI.create(base + "/api/v1/models?modality=TABULAR"));
        kinds.put("tag=<tag>", i -> URI.create(base + "/api/v1/models?tag=" + tags.sample(new Random(i))));
        kinds.put("page=400 (default sort)", i -> URI.create(base + "/api/v1/models?page=400"));
        kinds.put("sort=recent&page=200", i -> URI.create(base + "/api/v1/models?sort=recent&page=200"));
        kinds.put("compatibleWith", i -> URI.create(base + "/api/v1/models?compatibleWith="
                + URLEncoder.encode(dataset, StandardCharsets.UTF_8)));
        // views follow popularity (Zipf over the models), and a uniform spread that the page cache cannot help
        Zipf popular = new Zipf(published, 1.0);
        kinds.put("model detail (Zipf)", i -> URI.create(base + "/api/v1/models/" + popular.sample(new Random(i))));
        kinds.put("model detail (uniform)", i -> URI.create(base + "/api/v1/models/"
                + published.get(Math.floorMod(i * 7919, published.size()))));
        return kinds;
    }

    private void searchLoad(String dataset, int rate, int seconds, int clients) throws Exception {
        LoadGenerator load = new LoadGenerator();
        line("");
        line("| request | open loop %d/s: p50 ms | p90 ms | p99 ms | achieved/s | max (closed, %d clients)/s"
                + " | max / bare | 5xx (503) |", rate, clients);
        line("|---|---|---|---|---|---|---|---|");
        double bare = 0;
        int total5xx = 0;
        for (Map.Entry<String, java.util.function.IntFunction<URI>> kind : kinds(dataset).entrySet()) {
            LoadGenerator.Result open = load.openLoop(kind.getKey(), kind.getValue(), rate, seconds);
            LoadGenerator.Result closed = load.closedLoop(kind.getKey(), kind.getValue(), clients, seconds);
            if (bare == 0) {
                bare = closed.achievedPerSecond();
            }
            total5xx += open.status5xx() + closed.status5xx();
            line("| %s | %.1f | %.1f | %.1f | %.0f | %.0f | %.3f | %d (%d) |", kind.getKey(), open.percentile(50),
                    open.percentile(90), open.percentile(99), open.achievedPerSecond(), closed.achievedPerSecond(),
                    closed.achievedPerSecond() / bare, open.status5xx() + closed.status5xx(),
                    open.status503() + closed.status503());
            if (open.failed() + closed.failed() + open.other() + closed.other() > 0) {
                line("  (%s: %d failed, %d 4xx)", kind.getKey(), open.failed() + closed.failed(),
                        open.other() + closed.other());
            }
        }
        line("500-class answers other than 503 in the search load: %d", total5xx);
        line("");
    }

    private void downloads() throws Exception {
        String ns = namespaces.get(1);
        Path big = TinyNetworks.save(TinyNetworks.denseNet(1_000_000, 2, 1));
        ObjectNode metadata = JSON.createObjectNode();
        ObjectNode input = metadata.putObject("inputSpec");
        input.put("modality", "TABULAR");
        input.putArray("shape").add(1_000_000);
        ObjectNode output = metadata.putObject("outputSpec");
        output.put("task", "CLASSIFICATION");
        var labels = output.putArray("labels");
        labels.add("yes").add("no");
        client(tokens.get(ns)).publish(new Reference(ns, "big-table", null), big, metadata, ProgressListener.NONE);
        long size = Files.size(big);
        String api = app.baseUri() + "/api/v1/models/" + ns + "/big-table/versions/1/artifact";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI presigned = URI.create(http.send(HttpRequest.newBuilder(URI.create(api + "?redirect=true")).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow());
        line("downloads of a %.1f MB artifact:", size / 1e6);
        line("| clients | API MB/s | presigned MB/s | API / presigned |");
        line("|---|---|---|---|");
        for (int clients : new int[] {1, 8}) {
            int rounds = clients == 1 ? 15 : 5;
            // alternate, so both see the same machine state; warm each once
            throughput(http, URI.create(api), clients, 1);
            throughput(http, presigned, clients, 1);
            double apiSeconds = 0;
            double directSeconds = 0;
            for (int r = 0; r < 3; r++) {
                apiSeconds += throughput(http, URI.create(api), clients, rounds);
                directSeconds += throughput(http, presigned, clients, rounds);
            }
            double bytes = 3.0 * size * clients * rounds;
            line("| %d | %.0f | %.0f | %.2f |", clients, bytes / apiSeconds / 1e6, bytes / directSeconds / 1e6,
                    directSeconds / apiSeconds);
        }
    }

    /** Seconds for {@code clients} clients to each fetch {@code uri} {@code rounds} times, reading every byte. */
    private static double throughput(HttpClient http, URI uri, int clients, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                byte[] buffer = new byte[1 << 16];
                for (int r = 0; r < rounds; r++) {
                    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(uri + " answered " + response.statusCode());
                    }
                    try (InputStream in = response.body()) {
                        while (in.read(buffer) >= 0) {
                            // drain
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    private void fineTuneMemory() throws Exception {
        String ns = namespaces.get(2);
        ModelZooClient client = client(tokens.get(ns));
        client.uploadDataset(new Reference(ns, "gray28", null), Fixtures.patterns(28, 100, 5),
                new DatasetUpload(Modality.IMAGE, null, null), ProgressListener.NONE);
        peakRssKb.set(0);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        Future<?> sampling = sampler.submit(this::sampleRss);
        long start = System.nanoTime();
        var job = client.startFineTune(FineTuneRequest.builder("zoo/fashion-lenet", ns + "/gray28", ns + "/ft")
                .optStrategy(Strategy.FULL).build());
        var done = client.watch(job.id(), event -> {
        });
        sampling.cancel(true);
        sampler.shutdownNow();
        line("fine-tune FULL of zoo/fashion-lenet on 300 28x28 images: %s in %.0f s, peak RSS %d MB",
                done.status(), (System.nanoTime() - start) / 1e9, peakRssKb.get() / 1024);
    }

    private Void sampleRss() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                peakRssKb.accumulateAndGet(rssKb(), Math::max);
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the server went away: nothing to sample
        }
        return null;
    }

    private long rssKb() throws IOException {
        return app.rssKbAndCpuTicks()[0];
    }

    private long rssMb() throws IOException {
        return rssKb() / 1024;
    }

    private ModelZooClient client(String token) {
        return ModelZooClient.builder().baseUrl(app.baseUri()).token(token).build();
    }

    private HttpResponse<String> post(String path, String token, String body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUri() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
