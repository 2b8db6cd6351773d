package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.cli.CliTest.run;

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
 * Performs "A new reply in four steps" of rules/README.md on copies of rules/ and samples/, taking the
 * commands and the rule from the README itself, and checks that lint and verify pass and the reply is diagnosed.
 */
class NewReplyWalkthroughTest {
    private static final Path README = Path.of("rules/README.md");
    private static final Pattern QUOTED_TODO = Pattern.compile("\"TODO: [^\"]*\"");

    @TempDir
    Path temp;

    /** The fenced block that follows {@code marker} in the README. */
    private static String blockAfter(String readme, String marker) {
        int start = readme.indexOf("```", readme.indexOf(marker));
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

    @Test
    void theDocumentedStepsGiveARuleThatLintsVerifiesAndDiagnoses() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        TestRules rules = TestRules.copyInto(temp);
        TestRules samples = TestRules.copy(Path.of("samples"), temp);

        // Step 1: the scaffold command, as documented, on the copies.
        List<String> scaffold = words(blockAfter(readme, "**1. Scaffold.**"));
        assertThat(scaffold.subList(0, 2)).containsExactly("./smtp-doctor", "new-rule");
        List<String> args = new ArrayList<>(scaffold.subList(1, scaffold.size()));
        args.addAll(List.of("--rules", rules.root().toString(), "--samples", samples.root().toString()));
        CliRun created = run(args.toArray(String[]::new));
        assertThat(created.exit()).as(created.err()).isZero();
        String example = scaffold.get(scaffold.indexOf("--example") + 1);
        String category = scaffold.get(scaffold.indexOf("--category") + 1);
        String ruleFile = category.replace('.', '/') + ".drl";
        assertThat(created.out()).contains(rules.root().resolve(ruleFile).toString());
        assertThat(run("diagnose", "--rules", rules.root().toString(), example).out()).contains(category);
        CliRun stubs = run("lint", "--rules", rules.root().toString(), "--samples", samples.root().toString());
        assertThat(stubs.exit()).as("the scaffold's files lint without errors").isZero();
        assertThat(stubs.out()).contains("catalog/auth.yaml").contains(": warning: a TODO is left in this text");

        // Step 2: the README's rule replaces the generated one.
        String generated = rules.read(ruleFile);
        rules.write(ruleFile, generated.substring(0, generated.indexOf("// TODO"))
                + blockAfter(readme, "**2. Make the rule say what you mean.**"));

        // Step 3: the advice is written (every TODO text replaced).
        for (String file : List.of("categories.yaml", "catalog/" + category.substring(0, category.indexOf('.')) + ".yaml")) {
            rules.write(file, QUOTED_TODO.matcher(rules.read(file))
                    .replaceAll("\"The mailbox password has expired: set a new one in webmail\""));
        }
        String sampleFile = category.replace('.', '/') + ".yaml";
        samples.write(sampleFile, QUOTED_TODO.matcher(samples.read(sampleFile)).replaceAll("\"the README's worked example\""));

        // Step 4: lint and verify pass, and the reply (and another wording the rule allows) is diagnosed.
        CliRun lint = run("lint", "--rules", rules.root().toString(), "--samples", samples.root().toString());
        assertThat(lint.exit()).as(lint.out()).isZero();
        assertThat(lint.out()).doesNotContain(category.substring(category.indexOf('.') + 1)).doesNotContain("TODO");
        CliRun verify = run("verify", "--rules", rules.root().toString(), "--samples", samples.root().toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains(" 0 failed");
        CliRun diagnosed = run("diagnose", "--json", "--rules", rules.root().toString(), example,
                "535 Your password has expired");
        assertThat(diagnosed.out().lines()).hasSize(2).allMatch(l -> l.contains("\"category\":\"" + category + "\""));
        assertThat(diagnosed.out()).contains("The mailbox password has expired");
    }

    @Test
    void theScaffoldRefusesToOverwriteARuleFile() {
        TestRules rules = TestRules.copyInto(temp);
        TestRules samples = TestRules.copy(Path.of("samples"), temp);
        String before = rules.read("auth/too-many-attempts.drl");
        CliRun r = run("new-rule", "--category", "auth.too-many-attempts", "--example", "454 too many logins",
                "--rules", rules.root().toString(), "--samples", samples.root().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("auth/too-many-attempts.drl exists");
        assertThat(rules.read("auth/too-many-attempts.drl")).isEqualTo(before);
    }
}
