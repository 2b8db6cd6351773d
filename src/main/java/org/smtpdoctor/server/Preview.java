package org.smtpdoctor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.smtpdoctor.authoring.RuleLinter;
import org.smtpdoctor.authoring.RuleScaffold;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;

/**
 * What a save would do, before it is made: the same scaffold run on a private copy of the served rules and
 * samples, then every sample case diagnosed with the rules serving and with the copy, and lint run on the
 * copy. The answer lists the sample cases whose category would change and the lint problems the save would bring
 * (those of the served folders subtracted). Nothing served is written.
 *
 * <p>A preview compiles a rule set, so at most one runs at a time; another request meanwhile gets 429.
 */
final class Preview {
    private final Diagnoser serving;
    private final DeskConfig config;
    private final ObjectMapper mapper;
    private final Semaphore one = new Semaphore(1);
    /** The served folders' lint problems (as {@link #key}s), kept while their files stay as they were. */
    private ServedLint servedLint;

    private record ServedLint(String digest, Set<String> keys) {
    }

    Preview(Diagnoser serving, DeskConfig config, ObjectMapper mapper) {
        this.serving = serving;
        this.config = config;
        this.mapper = mapper;
    }

    /** What saving {@code request} would do (see the class comment); 422 when the scaffold refuses it. */
    ObjectNode of(TeachRequest request) {
        if (!one.tryAcquire()) {
            throw new ApiProblem(429, "busy", "A preview is already running", "try again in a few seconds");
        }
        Path copy = null;
        try {
            copy = Files.createTempDirectory("smtp-doctor-preview");
            Path rules = copy(config.rules(), copy.resolve("rules"));
            Path samples = copy(config.samples(), copy.resolve("samples"));
            RuleScaffold.Result result;
            try {
                result = new RuleScaffold(rules, samples).create(request.category(), request.text(), "preview",
                        request.edits());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(422, "not-saved", "The rule cannot be saved", e.getMessage());
            }
            ObjectNode answer = mapper.createObjectNode();
            answer.put("wording", result.wording().wording());
            answer.put("diagnosedAs", result.diagnosedAs());
            answer.put("newCategory", result.newCategory());
            ArrayNode files = answer.putArray("files");
            for (RuleScaffold.Change change : result.changes()) {
                String name = (change.file().startsWith(rules) ? "rules/" + rules.relativize(change.file())
                        : "samples/" + samples.relativize(change.file())).replace('\\', '/');
                files.addObject().put("file", name).put("what", change.what());
            }
            ArrayNode changed = answer.putArray("changedSamples");
            try (Diagnoser after = Diagnoser.builder().rulesDirectory(rules).evaluationBudget(Duration.ofSeconds(5))
                    .build()) {
                for (SampleCase sample : SampleLoader.load(SourceTree.of(config.samples()), new Problems())) {
                    String now = serving.diagnose(sample.text()).category();
                    String then = after.diagnose(sample.text()).category();
                    if (!now.equals(then)) {
                        changed.addObject().put("sample", sample.location()).put("text", sample.text())
                                .put("expected", sample.expect()).put("now", now).put("after", then);
                    }
                }
            } catch (RuntimeException e) {
                answer.put("loads", false);
            }
            // Only the problems the save brings: lint of the served folders is subtracted (the same text, with
            // the folders' paths written as rules/ and samples/), so a problem already there is not blamed on it.
            Set<String> already = servedLint();
            ArrayNode lint = answer.putArray("lint");
            for (Problem p : RuleLinter.lint(SourceTree.of(rules), SourceTree.of(samples))) {
                String said = plain(p, rules, samples);
                if (!already.contains(key(said))) {
                    lint.addObject().put("severity", p.severity().name().toLowerCase(Locale.ROOT))
                            .put("where", said.substring(0, said.indexOf(' '))).put("message",
                                    said.substring(said.indexOf(' ') + 1));
                }
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            one.release();
            if (copy != null) {
                delete(copy);
            }
        }
    }

    /** The served folders' lint: run again only when a file of theirs changed since the last preview. */
    private Set<String> servedLint() {
        String digest = SourceFile.digest(SourceTree.of(config.rules()).files(""))
                + SourceFile.digest(SourceTree.of(config.samples()).files(""));
        if (servedLint == null || !servedLint.digest().equals(digest)) {
            Set<String> keys = new HashSet<>();
            for (Problem p : RuleLinter.lint(SourceTree.of(config.rules()), SourceTree.of(config.samples()))) {
                keys.add(key(plain(p, config.rules(), config.samples())));
            }
            servedLint = new ServedLint(digest, Set.copyOf(keys));
        }
        return servedLint.keys();
    }


    /**
     * What makes two problems the same one: place and words, counts aside ("none of the 11 sample cases" before
     * the save is "none of the 12" after it, the save's case being one more).
     */
    private static String key(String said) {
        return said.replaceAll("\\b\\d+ sample cases", "# sample cases");
    }

    /** "rules/x/y.yaml:12 message", the folders' own paths replaced, so problems of two copies compare. */
    private static String plain(Problem p, Path rules, Path samples) {
        String text = (p.file() == null ? "rules" : p.file()) + ":" + p.line() + " " + p.message();
        for (Path folder : List.of(rules, samples)) {
            String name = folder == rules ? "rules" : "samples";
            text = text.replace(folder.toAbsolutePath().normalize().toString(), name).replace(folder.toString(), name);
        }
        return text.startsWith("rules") || text.startsWith("samples") ? text : "rules/" + text;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    if (!source.getFileName().toString().equals(".git")) {
                        Files.createDirectories(target);
                    }
                } else if (!from.relativize(source).startsWith(".git")) {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
