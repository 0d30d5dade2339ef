package dev.modelzoo.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The packaged application started as a separate process, with its output in a log file. */
public final class AppProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static AppProcess start(String name, int port, Map<String, String> environment) throws IOException {
        return start(name, port, environment, "1g");
    }

    /** Starts the jar with the given heap; {@code OMP_NUM_THREADS} from the environment, else 1. */
    public static AppProcess start(String name, int port, Map<String, String> environment, String heap)
            throws IOException {
        Path jar = Path.of(System.getProperty("modelzoo.app.jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx" + heap, "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        return new AppProcess(name, builder.start(), log, port);
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook runs, nothing is closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The processes this JVM started that outlive it unless stopped (the embedded PostgreSQL's watchdog). */
    java.util.List<ProcessHandle> children() {
        return process.children().toList();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    public void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + log());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUri()
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ": " + log());
    }

    /** Resident memory (kB) and CPU seconds so far, from /proc. */
    public long[] rssKbAndCpuTicks() throws IOException {
        String status = Files.readString(Path.of("/proc/" + pid() + "/status"));
        long rss = Long.parseLong(status.replaceAll("(?s).*VmRSS:\\s+(\\d+) kB.*", "$1"));
        String[] stat = Files.readString(Path.of("/proc/" + pid() + "/stat")).split("\\) ")[1].split(" ");
        long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
        return new long[] {rss, ticks};
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
