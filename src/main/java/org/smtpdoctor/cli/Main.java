package org.smtpdoctor.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.smtpdoctor.source.ProblemsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code smtp-doctor} command line. Exit codes: 0 done, 1 verify or check found failures, 2 bad usage, rules or I/O. */
@Command(name = "smtp-doctor", mixinStandardHelpOptions = true, version = "smtp-doctor 0.1.0",
        description = "Diagnoses mail-sending errors: what went wrong, what to do, who acts, whether a retry helps.",
        subcommands = {DiagnoseCommand.class, BatchCommand.class, UnknownsCommand.class, VerifyCommand.class,
                CheckCommand.class, LintCommand.class, ExplainCommand.class, NewRuleCommand.class, BenchCommand.class,
                ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    static final int EXIT_FAILURES = 1;
    static final int EXIT_UNUSABLE = 2;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: diagnose, batch, unknowns, verify, check, lint, explain, new-rule, bench or serve");
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        // picocli's default writer swallows a failed write: this one's failure is seen and fails the run.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(NamedOutput.STANDARD, Charset.defaultCharset()), true);
        cli.setOut(out);
        int exit = cli.execute(args);
        out.flush();
        if (NamedOutput.STANDARD.failure() != null) {
            System.err.println("smtp-doctor: " + NamedOutput.STANDARD.failure().getMessage());
            exit = EXIT_UNUSABLE;
        }
        System.exit(exit);
    }

    /** The configured command line, for tests that run commands in-process. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ProblemsException problems) {
                err.println("smtp-doctor: the rules cannot be loaded:");
                problems.problems().forEach(err::println);
            } else {
                err.println("smtp-doctor: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
            err.flush();
            return EXIT_UNUSABLE;
        });
        return cli;
    }
}
