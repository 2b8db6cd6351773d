package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.catalog.Retry;
import org.smtpdoctor.source.ProblemsException;

/** A category's retry can differ for transient (4xx) replies: {@code retryIfTransient} in the catalog. */
class TransientRetryTest {
    private static final Diagnoser DIAGNOSER = TestRules.projectDiagnoser();

    @TempDir
    Path temp;

    @Test
    void aFullMailboxClearsByItselfOnA4xxButNotOnA5xx() {
        Diagnosis transientFull = DIAGNOSER.diagnose("452 4.2.2 The email account that you tried to reach is over quota.");
        Diagnosis permanentFull = DIAGNOSER.diagnose("552 5.2.2 The email account that you tried to reach is over quota.");
        assertThat(transientFull.category()).isEqualTo("recipient.mailbox-full");
        assertThat(permanentFull.category()).isEqualTo("recipient.mailbox-full");
        assertThat(transientFull.retry()).isEqualTo(Retry.AUTOMATIC);
        assertThat(permanentFull.retry()).isEqualTo(Retry.AFTER_FIX);
    }

    @Test
    void withoutAReplyCodeTheEnhancedCodeClassDecides() {
        assertThat(DIAGNOSER.diagnose("4.2.2 mailbox full").retry()).isEqualTo(Retry.AUTOMATIC);
        assertThat(DIAGNOSER.diagnose("5.2.2 mailbox full").retry()).isEqualTo(Retry.AFTER_FIX);
    }

    @Test
    void aCategoryWithoutTheFieldKeepsItsRetryOnA4xx() {
        Diagnosis d = DIAGNOSER.diagnose("454 4.7.0 Too many login attempts, please try again later.");
        assertThat(d.category()).isEqualTo("auth.too-many-attempts");
        assertThat(d.retry()).isEqualTo(Retry.AFTER_FIX);
    }

    @Test
    void anUnknownValueIsReportedAtItsLine() {
        TestRules rules = TestRules.copyInto(temp).replace("catalog/recipient.yaml",
                "retryIfTransient: automatic   # 452", "retryIfTransient: soon   # 452");
        int line = rules.lineOf("catalog/recipient.yaml", "retryIfTransient: soon");
        ProblemsException e = org.junit.jupiter.api.Assertions.assertThrows(ProblemsException.class,
                () -> Diagnoser.builder().rulesDirectory(rules.root()).build());
        assertThat(e.problems()).extracting(Object::toString).anyMatch(p -> p.startsWith("catalog/recipient.yaml:" + line + ":")
                && p.contains("retryIfTransient 'soon' is not one of automatic, after-fix, no"));
    }
}
