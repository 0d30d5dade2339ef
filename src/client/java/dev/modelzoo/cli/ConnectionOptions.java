package dev.modelzoo.cli;

import picocli.CommandLine.Option;

/** The options every verb takes: which server, which token, the timeout. */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "The server (default: $MODELZOO_URL, else " + Environment.DEFAULT_URL + ").")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token (default: $MODELZOO_TOKEN, else the one `mz login` stored for the server).")
    String token;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest wait for an answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;
}
