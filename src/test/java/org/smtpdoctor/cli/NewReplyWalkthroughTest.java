package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.cli.CliTest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;

/**
 * Follows "I have a reply the tool does not know" of rules/README.md on copies of rules/ and samples/, taking
 * the commands from the README itself: the documented new-rule, lint, verify and diagnose must do what the
 * README says they do.
 */
class NewReplyWalkthroughTest {
    private static final Path README = Path.of("rules/README.md");

    @TempDir
    Path temp;

    /** The fenced block that follows {@code marker} in the README. */
    private static String blockAfter(String readme, String marker) {
        int at = readme.indexOf(marker);
        assertThat(at).as("the README has " + marker).isNotNegative();
        int start = readme.indexOf("```", at);
        int body = readme.indexOf('\n', start) + 1;
        return readme.substring(body, readme.indexOf("```", body));
    }

    /** The words of a documented command line: continuation lines joined, double quotes honoured. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command.replace("\\\n", " "));
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    /** Runs a documented {@code ./smtp-doctor ...} line with the copies' folders added. */
    private static CliRun runDocumented(List<String> command, String... folders) {
        assertThat(command.get(0)).isEqualTo("./smtp-doctor");
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        args.addAll(List.of(folders));
        return run(args.toArray(String[]::new));
    }

    private static String category(String json) throws IOException {
        return new ObjectMapper().readTree(json).get("category").asText();
    }

    @Test
    void anExistingCategoryTakesTheReplyWithTheDocumentedCommandsAlone() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        TestRules rules = TestRules.copyInto(temp);
        TestRules samples = TestRules.copy(Path.of("samples"), temp);
        String[] folders = {"--rules", rules.root().toString(), "--samples", samples.root().toString()};

        List<String> newRule = words(blockAfter(readme, "**Step 2 — add the wording.**"));
        String category = newRule.get(newRule.indexOf("--category") + 1);
        String example = newRule.get(newRule.indexOf("--example") + 1);
        List<String> explain = words(blockAfter(readme, "**Step 1 — look.**"));
        assertThat(explain.get(explain.size() - 1)).isEqualTo(example);
        assertThat(category(run("diagnose", "--json", "--rules", rules.root().toString(), example).out()))
                .as("the README's reply is one the tool does not know yet").isNotEqualTo(category);

        CliRun created = runDocumented(newRule, folders);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("the example is now diagnosed as " + category);

        for (String line : blockAfter(readme, "**Step 3 — check.**").lines().toList()) {
            CliRun check = runDocumented(words(line.replaceAll("\\s+#.*", "")), folders);
            assertThat(check.exit()).as(line + "\n" + check.out() + check.err()).isZero();
        }
        List<String> other = words(blockAfter(readme, "The same reply with other values is now recognised:"));
        List<String> json = new ArrayList<>(other);
        json.add(2, "--json");
        assertThat(category(runDocumented(json, "--rules", rules.root().toString()).out())).isEqualTo(category);
    }

    @Test
    void aNewCategoryPassesOnceItsAdviceIsWritten() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        TestRules rules = TestRules.copyInto(temp);
        TestRules samples = TestRules.copy(Path.of("samples"), temp);
        String[] folders = {"--rules", rules.root().toString(), "--samples", samples.root().toString()};

        List<String> newRule = words(blockAfter(readme, "### A new category"));
        String category = newRule.get(newRule.indexOf("--category") + 1);
        CliRun created = runDocumented(newRule, folders);
        assertThat(created.exit()).as(created.err()).isZero();
        CliRun stubs = run("lint", folders[0], folders[1], folders[2], folders[3]);
        assertThat(stubs.exit()).isEqualTo(1);
        assertThat(stubs.out()).contains("error: \"TODO (en): what went wrong, in one line\" is a stub: write the title in English");

        // What the README asks for, in every language.
        for (String file : List.of("categories.yaml", "catalog/" + category.substring(0, category.indexOf('.')) + ".yaml")) {
            rules.write(file, rules.read(file).replaceAll("\"TODO \\(en\\): [^\"]*\"", "\"The password has expired\"")
                    .replaceAll("\"TODO \\(ru\\): [^\"]*\"", "\"Срок действия пароля истёк\""));
        }
        for (String line : blockAfter(readme, "**Step 3 — check.**").lines().toList()) {
            CliRun check = runDocumented(words(line.replaceAll("\\s+#.*", "")), folders);
            assertThat(check.exit()).as(line + "\n" + check.out() + check.err()).isZero();
        }
        CliRun diagnosed = run("diagnose", "--json", "--rules", rules.root().toString(),
                "535 5.7.8 Password expired, change it at https://reset.example.com/now");
        assertThat(category(diagnosed.out())).isEqualTo(category);
        assertThat(diagnosed.out()).contains("\"url\":\"https://reset.example.com/now\"").contains("The password has expired");
    }
}
