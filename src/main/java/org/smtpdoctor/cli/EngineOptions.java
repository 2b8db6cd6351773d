package org.smtpdoctor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.smtpdoctor.catalog.AppResends;
import org.smtpdoctor.engine.Diagnoser;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Options every command shares: which rules to load, how the advice names the application that sends the mail,
 * and which language to answer in.
 */
final class EngineOptions {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:smtpdoctor.rules}",
            description = "Load rules and catalogs from DIR (read now, no rebuild); default: the checkout's rules/ when"
                    + " run by ./smtp-doctor, else the rules bundled in the jar.")
    private Path rules;

    @Option(names = "--deployment", paramLabel = "FILE",
            description = "Name the application that sends the mail as FILE does (the form of the rules' deployment.yaml:"
                    + " its name and where its mail settings live, per language, and whether it resends) instead of"
                    + " the rules' own.")
    private Path deployment;

    @Option(names = "--app-resends", paramLabel = "yes|no|unknown", converter = AppResendsConverter.class,
            description = "Whether the application sends a message again by itself after a temporary failure"
                    + " (default: as the deployment file says); the advice for temporary failures follows it.")
    private AppResends resends;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the advice: en or ru (default: the catalog's default language).")
    private String language;

    /** Builds the engine; a rules problem surfaces as a ProblemsException, reported by Main. */
    Diagnoser diagnoser() {
        return diagnoser(true);
    }

    /** The engine, with or without the one-pass wording matcher (without: the naive baseline of benchmarks). */
    Diagnoser diagnoser(boolean prefilter) {
        return diagnoser(prefilter, null);
    }

    /**
     * The engine for checking rules (verify): an evaluation is never cut short by the serving time budget, so a
     * slow first evaluation on a cold JVM cannot skip rules and fail a case that passes.
     */
    Diagnoser checkingDiagnoser() {
        return diagnoser(true, Duration.ofSeconds(30));
    }

    private Diagnoser diagnoser(boolean prefilter, Duration budget) {
        if (rules != null && !Files.isDirectory(rules)) {
            throw new IllegalArgumentException("--rules " + rules + ": no such directory");
        }
        Diagnoser.Builder builder = Diagnoser.builder().rulesDirectory(rules).prefilter(prefilter)
                .deployment(deployment).appResends(resends);
        Diagnoser diagnoser = (budget == null ? builder : builder.evaluationBudget(budget)).build();
        if (language != null && !diagnoser.taxonomy().languages().contains(language)) {
            throw new IllegalArgumentException("--lang " + language + ": the catalog has "
                    + String.join(", ", diagnoser.taxonomy().languages()));
        }
        return diagnoser;
    }

    /** Reads {@code --app-resends}: yes, no or unknown. */
    static final class AppResendsConverter implements ITypeConverter<AppResends> {
        @Override
        public AppResends convert(String value) {
            AppResends resends = AppResends.byId(value);
            if (resends == null) {
                throw new TypeConversionException("'" + value + "' is not one of yes, no, unknown");
            }
            return resends;
        }
    }

    /** The rules folder given with --rules, or null for the bundled rules. */
    Path rulesDirectory() {
        return rules;
    }

    /** The requested language, or null for the catalog's default. */
    Locale locale() {
        return language == null ? null : Locale.forLanguageTag(language);
    }
}
