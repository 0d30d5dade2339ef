package dev.modelzoo.cli;

import picocli.CommandLine.Option;

/** A verb with the {@code --json} flag: machine-readable output, the API's JSON on stdout. */
abstract class ApiCommand extends ServerCommand {

    @Option(names = "--json", description = "Machine-readable output: the API's JSON on stdout.")
    boolean json;

    @Override
    boolean json() {
        return json;
    }
}
