package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.reply.ReplyTemplate;

/** The benchmark's log is what the issue asks for: many wordings, varying parts, some unknown and long lines. */
class LogGeneratorTest {
    @TempDir
    Path temp;

    @Test
    void theLogHasManyWordingsVaryingPartsUnknownRepliesAndLongLines() throws IOException {
        Diagnoser diagnoser = TestRules.projectDiagnoser();
        LogGenerator generator = new LogGenerator(SampleTexts.all(), 7);
        Path log = temp.resolve("bench.log");

        generator.write(log, 20_000);

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(20_000);
        assertThat(generator.wordings()).isGreaterThanOrEqualTo(200);
        Set<String> distinctTemplates = new HashSet<>();
        lines.forEach(line -> distinctTemplates.add(ReplyTemplate.of(line)));
        assertThat(distinctTemplates).as("wordings seen, beyond their varying parts").hasSizeGreaterThan(200);
        assertThat(new HashSet<>(lines)).as("lines differ in their addresses, ids and numbers").hasSizeGreaterThan(19_000);
        assertThat(lines).anyMatch(line -> line.length() > 3000);
        long unknown = lines.stream().limit(4000).filter(line -> diagnoser.diagnose(line).category().startsWith("unknown.")).count();
        assertThat(unknown).as("unknown replies among 4,000 lines").isBetween(4000 * 5 / 100L, 4000 * 15 / 100L);
    }

    @Test
    void theDistinctLogGivesEveryLineATemplateOfItsOwnAndStillTheRulesWordings() throws IOException {
        Diagnoser diagnoser = TestRules.projectDiagnoser();
        Path log = temp.resolve("distinct.log");

        new LogGenerator(SampleTexts.all(), 7, true).write(log, 20_000);

        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(20_000).doesNotHaveDuplicates();
        assertThat(lines.stream().map(ReplyTemplate::of).distinct().count())
                .as("templates: every line one of its own").isEqualTo(20_000);
        long unknown = lines.stream().limit(2000).filter(line -> diagnoser.diagnose(line).category().startsWith("unknown.")).count();
        assertThat(unknown).as("the added words leave the wordings recognisable").isLessThan(2000 * 15 / 100L);
    }

    @Test
    void distinctTagsDoNotRepeatAndHoldNoDigitsOrHexWords() {
        Set<String> tags = new HashSet<>();
        for (long i = 0; i < 100_000; i++) {
            tags.add(LogGenerator.tag(i));
        }
        assertThat(tags).hasSize(100_000);
        assertThat(tags).allMatch(tag -> tag.matches("[g-z]{4}(-[g-z]{4}){2}"));
        assertThat(LogGenerator.tag(LogGenerator.DISTINCT_LINES - 1)).isNotEqualTo(LogGenerator.tag(0));
    }
}
