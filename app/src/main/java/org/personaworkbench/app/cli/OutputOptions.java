package org.personaworkbench.app.cli;

import picocli.CommandLine.Option;

/** {@code --json}: print one JSON document on stdout instead of text for people. */
final class OutputOptions {

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;
}
