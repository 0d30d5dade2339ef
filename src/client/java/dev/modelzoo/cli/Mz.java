package dev.modelzoo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.modelzoo.client.ClientException;
import dev.modelzoo.client.ProblemException;
import dev.modelzoo.client.view.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code mz}: the ModelZoo command line. Each verb is a subcommand; {@code mz help VERB} explains it. */
@Command(name = "mz", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "mz " + Mz.VERSION,
        description = "Browse, pull, publish and fine-tune models of a ModelZoo registry.",
        footer = {"", "Exit status: 0 done (check: compatible; finetune --watch: succeeded), 1 incompatible or job"
                + " not succeeded, 2 usage error, 3 the server answered a problem, 4 server unreachable or I/O"
                + " error.", ""},
        subcommands = {LoginCommand.class, LogoutCommand.class, WhoamiCommand.class, SearchCommand.class,
            InfoCommand.class, PullCommand.class, PushCommand.class, DatasetCommand.class, CheckCommand.class,
            RecommendCommand.class,
            FineTuneCommand.class, JobsCommand.class, JobCommand.class, CancelCommand.class, LineageCommand.class,
            PredictCommand.class, CommandLine.HelpCommand.class})
public final class Mz implements Callable<Integer> {

    static final String VERSION = "0.1.0";

    private final Environment environment;
    private final boolean terminal;
    private final BufferedReader input;

    Mz(Environment environment, boolean terminal, BufferedReader input) {
        this.environment = environment;
        this.terminal = terminal;
        this.input = input;
    }

    public static void main(String[] args) {
        boolean terminal = System.console() != null;
        Mz mz = new Mz(Environment.system(), terminal,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        System.exit(mz.commandLine().execute(args));
    }

    /** The configured picocli command line: verbs, shell completion, errors as messages and exit statuses. */
    CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this);
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Prints a bash/zsh completion script: source <(mz completion)");
        commandLine.addSubcommand("completion", completion);
        commandLine.setExecutionExceptionHandler(this::failed);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Spec
    CommandSpec spec;

    /** {@code mz} alone: the usage on stderr, and the usage error's exit status. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    Environment environment() {
        return environment;
    }

    boolean terminal() {
        return terminal;
    }

    BufferedReader input() {
        return input;
    }

    /** A problem prints its title, detail and violations; other failures their message. Never a stack trace. */
    private int failed(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ProblemException problem) {
            printJsonIfAsked(commandLine, problem.problem());
            err.println("error: " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail())
                    + " (HTTP " + problem.status() + ")");
            for (Problem.Violation violation : problem.violations()) {
                err.println("  - " + describe(violation));
                if (violation.suggestion() != null) {
                    err.println("    suggestion: " + violation.suggestion());
                }
            }
            err.flush();
            return ExitCodes.PROBLEM;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        if (e instanceof ClientException || e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.IO;
        }
        err.println("error: " + e);
        err.flush();
        return ExitCodes.IO;
    }

    private static String describe(Problem.Violation violation) {
        String where = violation.field() != null ? violation.field() : violation.rule();
        String message = violation.message() == null ? "" : violation.message();
        String found = violation.expected() == null && violation.actual() == null ? ""
                : " (expected " + violation.expected() + ", found " + violation.actual() + ")";
        return (where == null ? "" : where + ": ") + message + found;
    }

    private static void printJsonIfAsked(CommandLine commandLine, Problem problem) {
        Object command = commandLine.getCommand();
        if (command instanceof ApiCommand verb && verb.json()) {
            try {
                commandLine.getOut().println(ApiCommand.JSON.writeValueAsString(problem));
                commandLine.getOut().flush();
            } catch (JsonProcessingException e) {
                // the message on stderr still tells what happened
            }
        }
    }
}
