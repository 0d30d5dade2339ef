package dev.modelzoo.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.modelzoo.client.ModelZooClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A verb that talks to the server: connection options, {@code --json}, the client, and stdout/stderr as picocli
 * gives them.
 */
abstract class ApiCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "Machine-readable output: the API's JSON on stdout.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return run(client());
    }

    /** Does the verb's work and answers the exit status. */
    abstract int run(ModelZooClient client) throws Exception;

    Mz root() {
        return (Mz) spec.root().userObject();
    }

    Environment environment() {
        return root().environment();
    }

    String url() {
        return connection.url != null ? connection.url : environment().url();
    }

    /** --token, else $MODELZOO_TOKEN, else the stored login for this URL, else none (anonymous). */
    String token() {
        if (connection.token != null) {
            return connection.token;
        }
        if (environment().get("MODELZOO_TOKEN") != null) {
            return environment().get("MODELZOO_TOKEN");
        }
        return credentials().token(url());
    }

    Credentials credentials() {
        return new Credentials(environment().configDir());
    }

    ModelZooClient client() {
        return ModelZooClient.builder().baseUrl(url()).token(token())
                .requestTimeout(Duration.ofSeconds(Math.max(1, connection.timeoutSeconds)))
                .userAgent("mz/" + Mz.VERSION).build();
    }

    /** Whether the output is the API's JSON (machine-readable) rather than text. */
    boolean json() {
        return json;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A transfer's progress bar on stderr; redrawn in place only on a terminal, else a line per quarter. */
    ProgressBar progress(String label) {
        return new ProgressBar(err(), root().terminal(), label, 4);
    }

    void printJson(Object value) throws JsonProcessingException {
        out().println(JSON.writeValueAsString(value));
        out().flush();
    }
}
