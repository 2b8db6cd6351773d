package org.smtpdoctor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;

/** A rule set shipped as bytes builds, on an executor that never saw the directory, the engine the directory gives. */
class RuleBundleTest {
    @TempDir
    Path temp;

    @Test
    void aShippedRuleSetBuildsTheSameEngineAndAnEditIsANewVersion() throws IOException, ClassNotFoundException {
        Path rules = TestRules.copyInto(temp).root();
        RuleBundle onDriver = RuleBundle.load(rules);
        String engineVersion = onDriver.diagnoser().ruleSetVersion();

        RuleBundle onExecutor = roundTrip(onDriver);
        RuleBundle.forgetBuilt(); // as in an executor's JVM: nothing built yet, and the directory is not there
        Files.writeString(rules.resolve("README.md"), "changed after shipping\n");

        Diagnoser built = onExecutor.diagnoser();
        assertThat(built.ruleSetVersion()).isEqualTo(engineVersion);
        assertThat(onExecutor.diagnoser()).as("one engine per version per JVM").isSameAs(built);
        assertThat(built.diagnose("535 5.7.8 Error: authentication failed").category()).isEqualTo("auth.invalid-credentials");
        assertThat(RuleBundle.load(rules).version()).as("any file's change is a new version").isNotEqualTo(onDriver.version());
    }

    private static RuleBundle roundTrip(RuleBundle bundle) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(bundle);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RuleBundle) in.readObject();
        }
    }
}
