package org.smtpdoctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.smtpdoctor.engine.Diagnoser;

/** A copy of the project's rules/ (or samples/) in a temporary folder, for tests that edit rules, catalogs or cases. */
public final class TestRules {
    /** The project's own rules directory (tests run with the project root as working directory). */
    public static final Path PROJECT_RULES = Path.of("rules");

    private final Path root;

    private TestRules(Path root) {
        this.root = root;
    }

    /** Copies rules/ into {@code folder}/rules. */
    public static TestRules copyInto(Path folder) {
        return copy(PROJECT_RULES, folder);
    }

    /** Copies the project folder {@code project} (such as samples/) into {@code folder}, under the same name. */
    public static TestRules copy(Path project, Path folder) {
        Path target = folder.resolve(project.getFileName().toString());
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path source : walk.toList()) {
                Path copy = target.resolve(project.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestRules(target);
    }

    /**
     * One Diagnoser of the project's rules, shared by the test classes that only read it: each build compiles
     * thousands of rules, and a Diagnoser is thread-safe and never changes without {@code watch}.
     */
    public static Diagnoser projectDiagnoser() {
        return Shared.PROJECT;
    }

    /** Built on first use, once per test JVM. */
    private static final class Shared {
        static final Diagnoser PROJECT = Diagnoser.builder().rulesDirectory(PROJECT_RULES).build();
    }

    public Path root() {
        return root;
    }

    /** Writes (or overwrites) a file relative to the copy. */
    public TestRules write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Deletes the rule files (YAML and DRL) of a category from the copy, so a test can write its own. */
    public TestRules deleteRulesOf(String category) {
        String base = category.replace('.', '/');
        try {
            Files.deleteIfExists(root.resolve(base + ".yaml"));
            Files.deleteIfExists(root.resolve(base + ".drl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces the first occurrence of {@code from} in a file; fails when it is not there. */
    public TestRules replace(String relative, String from, String to) {
        String content = read(relative);
        if (!content.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain: " + from);
        }
        return write(relative, content.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line containing {@code text}. */
    public int lineOf(String relative, String text) {
        String[] lines = read(relative).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(relative + " has no line with: " + text);
    }
}
