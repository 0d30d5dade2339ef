package dev.modelzoo.cli;

import picocli.CommandLine.Option;

/** Paging of a listing verb: a zero-based page and its size (the server's default: 20, at most 100). */
final class PageOptions {

    @Option(names = "--page", description = "Zero-based page.")
    Integer page;

    @Option(names = "--size", description = "Results per page, 1-100 (default 20).")
    Integer size;
}
