package org.smtpdoctor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The folders a rule author works in, for the commands that read or write them as files: lint and new-rule. */
final class RuleFolders {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:smtpdoctor.rules:-rules}",
            description = "The rules folder (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${sys:smtpdoctor.samples:-samples}",
            description = "The sample cases (default: ${DEFAULT-VALUE}).")
    private Path samples;

    /** The rules folder; a usage error when it does not exist. */
    Path rules() {
        return existing("--rules", rules);
    }

    /** The samples folder; a usage error when it does not exist. */
    Path samples() {
        return existing("--samples", samples);
    }

    /** The samples folder, or null when it does not exist. */
    Path samplesIfAny() {
        return Files.isDirectory(samples) ? samples : null;
    }

    private static Path existing(String option, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + ": no such directory");
        }
        return folder;
    }
}
