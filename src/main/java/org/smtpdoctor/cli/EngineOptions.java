package org.smtpdoctor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.smtpdoctor.engine.Diagnoser;
import picocli.CommandLine.Option;

/** Options every command shares: which rules to load and which language to answer in. */
final class EngineOptions {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:smtpdoctor.rules}",
            description = "Load rules and catalogs from DIR (read now, no rebuild); default: the checkout's rules/ when"
                    + " run by ./smtp-doctor, else the rules bundled in the jar.")
    private Path rules;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the advice: en or ru (default: the catalog's default language).")
    private String language;

    /** Builds the engine; a rules problem surfaces as a ProblemsException, reported by Main. */
    Diagnoser diagnoser() {
        return diagnoser(true);
    }

    /** The engine, with or without the literal prefilter (without: the naive baseline of benchmarks). */
    Diagnoser diagnoser(boolean prefilter) {
        if (rules != null && !Files.isDirectory(rules)) {
            throw new IllegalArgumentException("--rules " + rules + ": no such directory");
        }
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules).prefilter(prefilter).build();
        if (language != null && !diagnoser.taxonomy().languages().contains(language)) {
            throw new IllegalArgumentException("--lang " + language + ": the catalog has "
                    + String.join(", ", diagnoser.taxonomy().languages()));
        }
        return diagnoser;
    }

    /** The requested language, or null for the catalog's default. */
    Locale locale() {
        return language == null ? null : Locale.forLanguageTag(language);
    }
}
