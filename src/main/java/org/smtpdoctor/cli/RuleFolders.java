package org.smtpdoctor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The folders a rule author works in, for the commands that read or write them as files: lint and new-rule.
 * The sample cases default to the {@code samples} folder beside the rules folder, so that a copy of the rules
 * ({@code --rules /tmp/x/rules}) goes with its own samples ({@code /tmp/x/samples}), never the project's.
 * Without {@code --rules}, the rules in use: the checkout's when run by {@code ./smtp-doctor} (which names
 * them in the system property {@code smtpdoctor.rules}, so any working folder will do), else {@code ./rules}.
 */
final class RuleFolders {
    /** Set by the launcher {@code ./smtp-doctor} to its checkout's folders. */
    static final String RULES_PROPERTY = "smtpdoctor.rules";
    static final String SAMPLES_PROPERTY = "smtpdoctor.samples";

    @Option(names = "--rules", paramLabel = "DIR",
            description = "The rules folder (default: the checkout's rules/ when run by ./smtp-doctor, else ./rules).")
    private Path rules;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The sample cases (default: the folder 'samples' beside the rules folder).")
    private Path samples;

    /** The rules folder; a usage error when it does not exist. */
    Path rules() {
        Path folder = rulesInUse();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(rules != null ? "--rules " + rules + ": no such directory"
                    : "no rules folder here (" + folder.toAbsolutePath() + "): give --rules DIR, or run ./smtp-doctor"
                    + " of the checkout, which uses its rules/ from any folder");
        }
        return folder;
    }

    private Path rulesInUse() {
        return rules != null ? rules : Path.of(System.getProperty(RULES_PROPERTY, "rules"));
    }

    /** The samples folder; a usage error, saying which folder was meant and how to name another, when it does not exist. */
    Path samples() {
        Path folder = samplesFor(rulesInUse(), samples);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(samples != null ? "--samples " + samples + ": no such directory"
                    : "no samples folder beside the rules folder (" + folder + "): give --samples DIR, the sample"
                    + " cases that go with " + rulesInUse());
        }
        return folder;
    }

    /** The samples folder, or null when it does not exist. */
    Path samplesIfAny() {
        Path folder = samplesFor(rulesInUse(), samples);
        return Files.isDirectory(folder) ? folder : null;
    }

    /**
     * {@code given}, else the folder {@code samples} beside {@code rules}; without rules (the bundled ones) the
     * checkout's samples named by {@code ./smtp-doctor}, else {@code ./samples}.
     */
    static Path samplesFor(Path rules, Path given) {
        if (given != null) {
            return given;
        }
        if (rules == null) {
            return Path.of(System.getProperty(SAMPLES_PROPERTY, "samples"));
        }
        return rules.normalize().resolveSibling("samples");
    }
}
