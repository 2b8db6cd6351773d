package org.smtpdoctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.testing.ScriptedSmtpServer;
import org.smtpdoctor.testing.ScriptedSmtpServer.Step;

/**
 * The check decides how far an attempt got from the step and the Java exception, not from category ids:
 * with the categories it once named in Java renamed in a copy of the rules, it searches (or does not) and
 * ranks exactly as before; only the names in the diagnosis change.
 */
class CategoryRenameTest {
    private static final String EHLO_WITHOUT_TLS = "250-localhost\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME";
    private static final String WRONG_PASSWORD = "535 5.7.8 Error: authentication failed: authentication failure";

    @Test
    void renamedCategoriesChangeNothingButTheirNames(@TempDir Path folder) throws IOException {
        TestRules rules = TestRules.copyInto(folder);
        rename(rules, "tls.certificate-invalid", "tls.untrusted-certificate");
        rename(rules, "connection.host-not-found", "connection.unknown-host");
        rename(rules, "auth.invalid-credentials", "auth.wrong-password");
        AccountCheck check = new AccountCheck(Diagnoser.builder().rulesDirectory(rules.root()).build());

        CheckReport unknownHost = check.run(CheckRequest.builder("no-such-host.test.local")
                .security(Security.STARTTLS).timeout(Duration.ofSeconds(2)).build());
        assertThat(unknownHost.diagnosis().category()).isEqualTo("connection.unknown-host");
        assertThat(unknownHost.attempts()).as("an unknown name is the same on every port").isEmpty();

        try (ScriptedSmtpServer ssl = ScriptedSmtpServer.builder().implicitTls().start()) {
            CheckReport untrusted = check.run(CheckRequest.builder("mail.test.local").port(ssl.port())
                    .security(Security.SSL).sslTrust("*").timeout(Duration.ofSeconds(3)).build());
            assertThat(untrusted.diagnosis().category()).isEqualTo("tls.untrusted-certificate");
            assertThat(untrusted.attempts()).as("a certificate is the same on every port").isEmpty();
        }

        try (ScriptedSmtpServer tls = ScriptedSmtpServer.builder().reply(Step.AUTH, WRONG_PASSWORD).start();
             ScriptedSmtpServer plain = ScriptedSmtpServer.builder().reply(Step.EHLO, EHLO_WITHOUT_TLS)
                     .reply(Step.AUTH, WRONG_PASSWORD).start()) {
            CheckReport refused = check.run(CheckRequest.builder("127.0.0.1").security(Security.AUTO)
                    .login("alice@example.com", "not-the-password").sslTrust("127.0.0.1").timeout(Duration.ofSeconds(3))
                    .candidates(List.of(new Endpoint(tls.port(), Security.STARTTLS), new Endpoint(plain.port(), Security.NONE)))
                    .build());
            assertThat(refused.diagnosis().category()).isEqualTo("auth.wrong-password");
            assertThat(refused.verdict()).isEqualTo(SearchVerdict.PASSWORD_WRONG_EVERYWHERE);
        }
    }

    /** Renames a category in the copy: its rule file, its line in categories.yaml, its catalog key, the code tables. */
    private static void rename(TestRules rules, String from, String to) throws IOException {
        String fromFile = from.replace('.', '/') + ".yaml";
        rules.write(to.replace('.', '/') + ".yaml", Files.readString(rules.root().resolve(fromFile)));
        Files.delete(rules.root().resolve(fromFile));
        String family = from.substring(0, from.indexOf('.'));
        for (String file : List.of("categories.yaml", "catalog/" + family + ".yaml",
                "codes/enhanced-status-codes.yaml", "codes/reply-codes.yaml")) {
            Path path = rules.root().resolve(file);
            try {
                Files.writeString(path, Files.readString(path).replace(from, to));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
