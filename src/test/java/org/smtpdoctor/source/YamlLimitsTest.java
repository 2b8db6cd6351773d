package org.smtpdoctor.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An attacker's YAML in a rule, catalog or sample file: aliases that refer to themselves or expand
 * exponentially, anchors, deep nesting and huge files are refused at their place, with what to write
 * instead, in bounded time and memory, and never crash the reader.
 */
class YamlLimitsTest {
    private static final String FILE = "auth/x.yaml";

    private static List<Problem> errorsOf(String yaml) {
        Problems problems = new Problems();
        YamlNode node = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> YamlNode.parse(new SourceFile(FILE, yaml), problems));
        assertThat(node).as("refused").isNull();
        return problems.all().stream().filter(Problem::isError).toList();
    }

    @Test
    void anAliasReferringToItselfIsRefusedAtItsPlaceSayingWhatToWrite() {
        List<Problem> errors = errorsOf("cases:\n  - text: a\nzzz: &r [*r, *r]\n");
        assertThat(errors).extracting(Problem::toString).containsExactly(
                FILE + ":3:6: error: YAML anchor &r refused: aliases and anchors are not allowed in rule, catalog and"
                        + " sample files; remove it and write the value out in full wherever it is needed",
                FILE + ":3:10: error: YAML alias *r refused: aliases and anchors are not allowed in rule, catalog and"
                        + " sample files; write the value out here in full",
                FILE + ":3:14: error: YAML alias *r refused: aliases and anchors are not allowed in rule, catalog and"
                        + " sample files; write the value out here in full");
    }

    @Test
    void aSmallAliasBombIsRefusedWithoutExpanding() {
        // 9 levels of 9 aliases: a few hundred bytes that would be 9^9 nodes.
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        assertThat(yaml.length()).isLessThan(800);
        List<Problem> errors = errorsOf(yaml.toString());
        assertThat(errors).hasSize(9 + 8 * 9).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("write the value out");
        });
    }

    @Test
    void aliasesOfPlainTextsAndMergeKeysAreRefusedToo() {
        assertThat(errorsOf("a: &t some text\nb: *t\nc: &m {x: 1}\nd:\n  <<: *m\n"))
                .extracting(p -> p.line() + ":" + p.column())
                .containsExactly("1:4", "2:4", "3:4", "5:7");
    }

    @Test
    void deepNestingIsRefusedAtTheLevelThatIsTooDeepNotBlamedOnAliases() {
        String yaml = "x: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        List<Problem> errors = errorsOf(yaml);
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(3 + YamlNode.MAX_NESTING); // the file's map is the first level;
            assertThat(p.message()).contains("more than 50 levels").doesNotContain("alias");
        });
        Problems fine = new Problems();
        assertThat(YamlNode.parse(new SourceFile(FILE, "x: " + "[".repeat(40) + "]".repeat(40)), fine)).isNotNull();
        assertThat(fine.all()).isEmpty();
    }

    @Test
    void aFileOfManyMegabytesIsReadOnlyAsFarAsTheLimitAndRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path big = java.nio.file.Files.createDirectories(dir.resolve("auth")).resolve("big.yaml");
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(big)) {
            String line = "- some words of a wording that repeat\n";
            for (int i = 0; i < (3 * SourceTree.MAX_FILE_BYTES) / line.length(); i++) {
                out.write(line);
            }
        }
        SourceFile read = SourceTree.of(dir).file("auth/big.yaml");
        assertThat(read.content().length()).isLessThanOrEqualTo(SourceTree.MAX_FILE_BYTES + 1);
        assertThat(errorsOf(read.content())).singleElement().satisfies(p ->
                assertThat(p.message()).contains("shorten its comments and sources"));
    }

    @Test
    void aHugeFileIsRefusedSayingHowLargeAFileMayBe() {
        String yaml = "- some words of a wording\n".repeat(YamlNode.MAX_CODE_POINTS / 20);
        assertThat(errorsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.message()).contains("at most " + YamlNode.MAX_CODE_POINTS + " characters").contains("shorten");
        });
    }
}
