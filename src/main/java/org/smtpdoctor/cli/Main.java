package org.smtpdoctor.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.source.ProblemsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code smtp-doctor} command line. Exit codes: 0 done, 1 verify or check found failures, 2 bad usage, rules or I/O. */
@Command(name = "smtp-doctor", mixinStandardHelpOptions = true, version = "smtp-doctor 0.1.0",
        description = "Diagnoses mail-sending errors: what went wrong, what to do, who acts, whether a retry helps.",
        subcommands = {DiagnoseCommand.class, BatchCommand.class, UnknownsCommand.class, VerifyCommand.class, EvaluateCommand.class,
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
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: diagnose, batch, unknowns, verify, evaluate, check, lint, explain, new-rule, bench or serve");
    }

    /**
     * The list of commands, each with the first sentence of its description: picocli's own list shows the
     * description's first source line, which ends mid-sentence wherever the text was wrapped.
     */
    private static String commandList(CommandLine.Help help) {
        Map<String, CommandLine.Help> commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        int width = help.commandSpec().usageMessage().width();
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(nameWidth, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - nameWidth, 2, CommandLine.Help.Column.Overflow.WRAP));
        commands.forEach((name, command) -> table.addRowValues(name, firstSentence(command.commandSpec())));
        return table.toString();
    }

    /** The header (as picocli's own list prefers it), else the description, up to the first full stop that ends a sentence. */
    static String firstSentence(CommandSpec command) {
        String[] header = command.usageMessage().header();
        String description = String.join(" ", header.length > 0 ? header : command.usageMessage().description())
                .replace("%n", " ").strip();
        Matcher end = SENTENCE_END.matcher(description);
        return end.find() ? description.substring(0, end.end()) : description;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        // picocli's default writer swallows a failed write: this one's failure is seen and fails the run.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(NamedOutput.STANDARD, Charset.defaultCharset()), true);
        cli.setOut(out);
        int exit = cli.execute(args);
        out.flush();
        if (NamedOutput.STANDARD.failure() != null && exit != EXIT_UNUSABLE) { // exit 2: the command said why
            System.err.println("smtp-doctor: " + NamedOutput.STANDARD.failure().getMessage());
            exit = EXIT_UNUSABLE;
        }
        System.exit(exit);
    }

    /** The configured command line, for tests that run commands in-process. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // Enum options as the help writes them (--security starttls), parsed and refused by picocli itself.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
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
