package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.ProblemsException;
import org.smtpdoctor.source.SourceTree;

/**
 * Rule files written as an attacker would drop them into {@code rules/}: each tries to run code, write a
 * file or stall the engine. Every one is refused at its {@code file:line:col} by the gate on Drools' parse
 * tree before Drools compiles anything, by the loader and by lint alike, and nothing runs: the marker file
 * each attack tries to create never appears.
 */
class RuleFileAttackTest {
    private static final String FILE = "auth/too-many-attempts.drl";
    private static final String HEADER = "package auth;\nimport org.smtpdoctor.rules.*;\n"
            + "import function org.smtpdoctor.rules.Vocabulary.conclude;\n";
    private static final String CONCLUDE = "conclude(kcontext, \"auth.too-many-attempts\");";

    @TempDir
    Path temp;

    /** An attack: what it is, the DRL after the header (MARKER stands for the file it tries to create), where it is refused. */
    record Attack(String what, String drl, int line, String refusal) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Attack> attacks() {
        String reflectiveNew = "Class.forName(\"java.io.File\").getConstructor(new Class[] { String.class })"
                + ".newInstance(new Object[] { \"MARKER\" })";
        return List.of(
                new Attack("reflection in the consequence (XMLDecoder over a ProcessBuilder document)",
                        rule("Reply( code == 454 )", "Object d = Class.forName(\"java.beans.XMLDecoder\").getConstructor("
                                + "new Class[] { java.io.InputStream.class }).newInstance(new Object[] { new java.io."
                                + "ByteArrayInputStream(\"<java><object class='java.lang.ProcessBuilder'><array class="
                                + "'java.lang.String' length='1'><void index='0'><string>touch</string></void></array>"
                                + "</object></java>\".getBytes()) });\n    ((java.io.File) " + reflectiveNew
                                + ").createNewFile();\n    " + CONCLUDE), 9, "the consequence"),
                new Attack("a file written in the consequence",
                        rule("Reply( code == 454 )", "new java.io.FileOutputStream(\"MARKER\").close(); " + CONCLUDE), 9,
                        "the consequence"),
                new Attack("reflection in eval(...)",
                        rule("Reply( code == 454 )\n    eval( ((java.io.File) " + reflectiveNew + ").createNewFile() )",
                                CONCLUDE), 8, "eval(...)"),
                new Attack("code in accumulate(init(...))",
                        rule("Number() from accumulate( Reply(), init( java.io.File f = (java.io.File) " + reflectiveNew
                                + "; f.createNewFile(); ) action( ) result( 1 ) )", CONCLUDE), 7, "accumulate"),
                new Attack("String methods and a backtracking 'matches' in a constraint",
                        rule("Reply( text.replaceAll(\"x\", \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")"
                                + ".matches(\"(.*a){20}b\") )", CONCLUDE), 7, "no method calls on values"),
                new Attack("the 'matches' operator",
                        rule("Reply( text matches \"(.*a){20}b\" )", CONCLUDE), 7, "backtracking"),
                new Attack("a constructor in a constraint",
                        rule("Reply( code == 454 || new java.io.File(\"MARKER\").createNewFile() )", CONCLUDE), 7,
                        "not part of the rule vocabulary"),
                new Attack("code as the argument of a text test",
                        rule("Reply( has(String.valueOf(new java.io.File(\"MARKER\").createNewFile())) )", CONCLUDE), 7,
                        "one quoted pattern"),
                new Attack("'from' over an arbitrary expression",
                        rule("Boolean() from new java.io.File(\"MARKER\").createNewFile()", CONCLUDE), 7, "pattern over Boolean"),
                new Attack("a salience expression",
                        "rule \"auth.too-many-attempts: x\" salience (new java.io.File(\"MARKER\").createNewFile() ? 1 : 0)\n"
                                + "when\n    Reply( code == 454 )\nthen\n    " + CONCLUDE + "\nend\n", 4, "rule attribute"),
                new Attack("a Java unicode escape closing the string early",
                        rule("Reply( code == 454 )", "conclude(kcontext, \"auth.too-many-attempts\\u0022); new java.io."
                                + "File(\\u0022MARKER\\u0022).createNewFile(); //\");"), 9, "the consequence"),
                new Attack("a function",
                        "function boolean touch() { return new java.io.File(\"MARKER\").createNewFile(); }\n"
                                + rule("Reply( code == 454 )", CONCLUDE), 4, "function"),
                new Attack("an import beyond the vocabulary",
                        "import java.io.File;\n" + rule("Reply( code == 454 )", CONCLUDE), 4, "import of java.io.File"),
                new Attack("a global", "global java.util.List sink;\n" + rule("Reply( code == 454 )", CONCLUDE), 4, "global"),
                new Attack("a query", "query touch() Reply( ) end\n" + rule("Reply( code == 454 )", CONCLUDE), 4, "query"),
                new Attack("a declared type", "declare Touch path : String end\n" + rule("Reply( code == 454 )", CONCLUDE),
                        4, "declare"),
                new Attack("code as the id of a wording set",
                        rule("Said( id == String.valueOf(new java.io.File(\"MARKER\").createNewFile()) )", CONCLUDE), 7,
                        "Said takes exactly one constraint"),
                new Attack("a Said bound to run methods on it later",
                        rule("$s : Said( id == \"auth.too-many-attempts/1\" )", CONCLUDE), 7, "no binding"),
                new Attack("a second constraint on Said",
                        rule("Said( id == \"auth.too-many-attempts/1\", id.length() > 0 )", CONCLUDE), 7,
                        "exactly one constraint"),
                new Attack("Said from an expression",
                        rule("Said( id == \"x\" ) from new java.io.File(\"MARKER\").createNewFile()", CONCLUDE), 7,
                        "not 'from' anything"));
    }

    /** A rule after the header (lines 1-4): name on line 5, condition from line 7, consequence on line 9 (if one line). */
    private static String rule(String condition, String consequence) {
        return "\nrule \"auth.too-many-attempts: x\"\nwhen\n    " + condition + "\nthen\n    " + consequence + "\nend\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackIsRefusedAtItsPlaceAndRunsNothing(Attack attack) throws Exception {
        Path marker = temp.resolve("MARKER-" + Math.abs(attack.what().hashCode()));
        TestRules rules = TestRules.copyInto(temp.resolve("rules"))
                .write(FILE, HEADER + attack.drl().replace("MARKER", marker.toString()));

        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> catchThrowable(() -> Diagnoser.builder().rulesDirectory(rules.root()).build()));
        assertThat(thrown).as("the loader refuses it").isInstanceOf(ProblemsException.class);
        List<Problem> problems = ((ProblemsException) thrown).problems();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isEqualTo(attack.line());
            assertThat(p.column()).isPositive();
            assertThat(p.message()).startsWith("refused: ").contains(attack.refusal());
        });

        RuleSetCheck lint = RuleSetCheck.of(SourceTree.of(rules.root()));
        assertThat(lint.diagnoser()).as("lint gets no engine from it").isNull();
        assertThat(lint.problems()).as("lint reports the same refusal").containsAll(problems);
        assertThat(marker).as("nothing ran").doesNotExist();
    }

    /** A constraint nested deeper than Drools' recursive parsers can follow. */
    static String deeplyNested() {
        int depth = 200_000;
        return HEADER + rule("Reply( " + "(".repeat(depth) + "code == 454" + ")".repeat(depth) + " )", CONCLUDE);
    }

    @Test
    void aFileNestedTooDeeplyIsAProblemNotACrash() {
        TestRules rules = TestRules.copyInto(temp).write(FILE, deeplyNested());
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> catchThrowable(() -> Diagnoser.builder().rulesDirectory(rules.root()).build()));
        assertThat(thrown).isInstanceOf(ProblemsException.class);
        assertThat(((ProblemsException) thrown).problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.message()).contains("nests too deeply");
        });
    }

    @Test
    void theVocabularyItselfPasses() {
        TestRules rules = TestRules.copyInto(temp).write(FILE, HEADER + "\nrule \"auth.too-many-attempts: ok\"\nwhen\n"
                + "    r : Reply( code == 454 || enhanced == \"4.7.0\", !(code == 535), exceptions contains \"X\" || stage != \"rcpt\","
                + " has(\"too many \\\"bad\\\" logins\"), !has(\"greylist\") )\n"
                + "    not Reply( code == 550 )\n"
                + "    Said( id == \"auth.too-many-attempts/1\" )\n"
                + "    not Said( id == \"rate.limited/1\" )\n"
                + "    TextMatch( ) from r.find(\"from (?P<host>[a-z.]+)\")\nthen\n"
                + "    conclude(kcontext, \"auth.too-many-attempts\", \"provider\", \"Acme \\\\ \\\"Mail\\\"\");\nend\n");
        Diagnosis d = Diagnoser.builder().rulesDirectory(rules.root()).build()
                .diagnose("454 4.7.0 Too many \"bad\" logins from mx.example.com: too many login attempts");
        assertThat(d.category()).isEqualTo("auth.too-many-attempts");
        assertThat(d.params()).containsEntry("host", "mx.example.com").containsEntry("provider", "Acme \\ \"Mail\"");
    }

    @Test
    void aSaidOfNoRuleFileIsAnErrorAtItsPlace() {
        TestRules rules = TestRules.copyInto(temp).write(FILE, HEADER + rule("Said( id == \"auth.too-many-attempts/99\" )",
                CONCLUDE));
        Throwable thrown = catchThrowable(() -> Diagnoser.builder().rulesDirectory(rules.root()).build());
        assertThat(thrown).isInstanceOf(ProblemsException.class);
        assertThat(((ProblemsException) thrown).problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("no rule file defines the wordings 'auth.too-many-attempts/99'");
        });
    }

    @Test
    void aDeletedRuleFileIsNotLoadedFromAnywhere() throws Exception {
        TestRules rules = TestRules.copyInto(temp);
        String text = "454 4.7.0 Too many login attempts, try again later";
        assertThat(Diagnoser.builder().rulesDirectory(rules.root()).build().diagnose(text).category())
                .isEqualTo("auth.too-many-attempts");
        try (var files = Files.list(rules.root().resolve("auth"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("too-many-attempts.")).toList()) {
                Files.delete(p);
            }
        }
        assertThat(Diagnoser.builder().rulesDirectory(rules.root()).build().diagnose(text).category())
                .isNotEqualTo("auth.too-many-attempts");
    }
}
