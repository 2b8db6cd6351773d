package org.smtpdoctor.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@link DeskServer} runs.
 *
 * @param bind          the address to listen on (127.0.0.1 unless told otherwise: the desk is for this machine)
 * @param port          the port (0: any free one, for tests)
 * @param rules         the rules directory, watched and reloaded; null serves the bundled rules (teaching off)
 * @param samples       the sample cases that go with {@code rules} (where taught cases are written)
 * @param editToken     the token that allows teaching, or null: teaching is off
 * @param tokenLabel    what the audit log names the token by (the environment variable's name, never its value)
 * @param auditLog      the file every save is appended to
 * @param maxBodyBytes  the largest JSON body accepted (larger: 413)
 * @param maxBatchBytes the largest log accepted by /api/batch, which streams it (larger: 413, declared or not)
 * @param idleTimeout   how long a connection may stay silent, reading or writing, before it is closed
 */
public record DeskConfig(String bind, int port, Path rules, Path samples, String editToken, String tokenLabel,
                         Path auditLog, long maxBodyBytes, long maxBatchBytes, Duration idleTimeout) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8025;

    /** The defaults for the rest: 1 MiB JSON bodies, 256 MiB logs, 30 s idle connections, audit beside the rules. */
    public static DeskConfig of(String bind, int port, Path rules, Path samples, String editToken, String tokenLabel) {
        Path audit = rules == null ? null : rules.toAbsolutePath().normalize().resolveSibling("serve-audit.log");
        return new DeskConfig(bind, port, rules, samples, editToken, tokenLabel, audit, 1 << 20, 256L << 20,
                Duration.ofSeconds(30));
    }

    /** Teaching is on only with a token, a rules directory and a samples directory to write into. */
    public boolean teachingOn() {
        return editToken != null && !editToken.isEmpty() && rules != null && samples != null;
    }
}
