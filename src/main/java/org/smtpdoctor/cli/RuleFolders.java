package org.smtpdoctor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The folders a rule author works in, for the commands that read or write them as files: lint and new-rule.
 * The sample cases default to the {@code samples} folder beside the rules folder, so that a copy of the rules
 * ({@code --rules /tmp/x/rules}) goes with its own samples ({@code /tmp/x/samples}), never the project's.
 */
final class RuleFolders {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "The rules folder (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The sample cases (default: the folder 'samples' beside the rules folder).")
    private Path samples;

    /** The rules folder; a usage error when it does not exist. */
    Path rules() {
        if (!Files.isDirectory(rules)) {
            throw new IllegalArgumentException("--rules " + rules + ": no such directory");
        }
        return rules;
    }

    /** The samples folder; a usage error, saying which folder was meant and how to name another, when it does not exist. */
    Path samples() {
        Path folder = samplesFor(rules, samples);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(samples != null ? "--samples " + samples + ": no such directory"
                    : "no samples folder beside the rules folder (" + folder + "): give --samples DIR, the sample"
                    + " cases that go with " + rules);
        }
        return folder;
    }

    /** The samples folder, or null when it does not exist. */
    Path samplesIfAny() {
        Path folder = samplesFor(rules, samples);
        return Files.isDirectory(folder) ? folder : null;
    }

    /** {@code given}, else the folder {@code samples} beside {@code rules} (./samples without rules). */
    static Path samplesFor(Path rules, Path given) {
        if (given != null) {
            return given;
        }
        return rules == null ? Path.of("samples") : rules.normalize().resolveSibling("samples");
    }
}
