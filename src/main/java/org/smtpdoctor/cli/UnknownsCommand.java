package org.smtpdoctor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.batch.BatchInput;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.OutputFormat;
import org.smtpdoctor.batch.UnknownTemplates;
import org.smtpdoctor.batch.UnknownsYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor unknowns}: the replies of a log no rule recognised, as sample cases to fill in. */
@Command(name = "unknowns", mixinStandardHelpOptions = true,
        description = {"Runs a batch over logs and lists the replies that ended on the fallback layer (unknown.*),",
                "grouped by template (numbers, addresses, hosts, ids masked), most frequent first, as sample-case",
                "YAML: fill in 'expect' with the category, add a rule, and verify proves it."})
final class UnknownsCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine;

    @Mixin
    private InputOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the YAML to FILE instead of standard output.")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<BatchInput> inputs = input.openInputs(System.in, "unknowns", err);
        if (inputs == null) {
            return Main.EXIT_UNUSABLE;
        }
        BatchRunner runner = new BatchRunner(engine.diagnoser(), input.options(engine.locale(), OutputFormat.JSONL));
        runner.run(inputs, OutputStream.nullOutputStream(), done -> { });
        runner.warnings().forEach(warning -> err.println("smtp-doctor unknowns: warning: " + warning));
        UnknownTemplates unknowns = runner.summary().unknowns();
        String yaml = UnknownsYaml.of(unknowns.top(Integer.MAX_VALUE), BatchCommand.names(inputs));
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
        } else {
            OutputFiles.writeAtomically(output, out -> out.write(yaml.getBytes(StandardCharsets.UTF_8)));
        }
        err.printf("unknowns: %,d of %,d records in %,d templates%n",
                unknowns.top(Integer.MAX_VALUE).stream().mapToLong(UnknownTemplates.Group::count).sum() + unknowns.untracked(),
                runner.summary().records(), unknowns.distinct());
        err.flush();
        return 0;
    }
}
