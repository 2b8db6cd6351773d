package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.cli.CliTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --deployment FILE} and {@code --app-resends}: the commands name the application as the deployment says. */
class DeploymentCliTest {
    private static final String UNAVAILABLE = "451 4.7.1 Sorry, the service is currently unavailable. Please come back later.";
    private static final String PLANFIX = "src/test/resources/deployment/planfix.yaml";

    @TempDir
    Path temp;

    @Test
    void withoutADeploymentTheAdviceIsNeutralAndSaysWhatToDoEitherWay() {
        CliRun r = run("diagnose", "--rules", "rules", UNAVAILABLE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("If the application resends failed messages by itself, nothing needs to be done now")
                .doesNotContain("Planfix");
    }

    @Test
    void aDeploymentFileNamesTheProductInEveryLanguage() throws IOException {
        CliRun ru = run("diagnose", "--rules", "rules", "--lang", "ru", "--deployment", PLANFIX, UNAVAILABLE);
        assertThat(ru.exit()).as(ru.err()).isZero();
        assertThat(ru.out()).contains("В этом случае Планфикс делает повторную попытку отправки");
        Path log = Files.writeString(temp.resolve("app.log"), UNAVAILABLE + "\n");
        Path out = temp.resolve("out.jsonl");
        CliRun batch = run("batch", "--rules", "rules", "--deployment", PLANFIX, "--output", out.toString(), log.toString());
        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(Files.readString(out)).contains("In this case Planfix makes another attempt to send the message");
    }

    @Test
    void appResendsOverridesTheDeploymentFile() {
        CliRun r = run("diagnose", "--rules", "rules", "--deployment", PLANFIX, "--app-resends", "no", UNAVAILABLE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Planfix does not send the message again by itself: send it again in a few minutes.");
        CliRun bad = run("diagnose", "--rules", "rules", "--app-resends", "sometimes", UNAVAILABLE);
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'sometimes' is not one of yes, no, unknown");
    }

    @Test
    void aBrokenDeploymentFileIsReportedAtItsLineAndColumn() throws IOException {
        Path file = Files.writeString(temp.resolve("ours.yaml"), "resends: often\nen:\n  name: x\n");
        CliRun r = run("diagnose", "--rules", "rules", "--deployment", file.toString(), UNAVAILABLE);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(file + ":1:10: error: resends 'often' is not one of yes, no, unknown")
                .contains(file + ":3:3: error: the 'en' names lacks the field 'in'")
                .contains(file + ":1:1: error: " + file + " does not name the application in 'ru'");
        CliRun missing = run("diagnose", "--rules", "rules", "--deployment", temp.resolve("none.yaml").toString(), UNAVAILABLE);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("none.yaml: no such file");
    }
}
