package org.smtpdoctor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.smtpdoctor.server.DeskConfig;
import org.smtpdoctor.server.DeskServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor serve}: the support desk (HTTP API and staff page); the work is in org.smtpdoctor.server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the JSON API and the staff page until stopped; the rules are reloaded when their files",
                "change (a broken edit leaves the last good rules serving). Teaching (POST /api/rules) is off",
                "unless --edit-token-env names an environment variable holding a token. See README.md.",
                "Example: SMTP_DOCTOR_TOKEN=s3cret smtp-doctor serve --edit-token-env SMTP_DOCTOR_TOKEN"})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = DeskConfig.DEFAULT_BIND,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8025", description = "Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:smtpdoctor.rules}",
            description = "The rules folder, watched and reloaded (default: the checkout's rules/ when run by"
                    + " ./smtp-doctor, else the bundled rules, not reloaded, teaching off).")
    private Path rules;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The sample cases taught replies are added to (default: the folder 'samples' beside the rules).")
    private Path samples;

    @Option(names = "--edit-token-env", paramLabel = "NAME",
            description = "The environment variable holding the token that allows teaching; without it teaching is off.")
    private String tokenEnv;

    @Option(names = "--audit-log", paramLabel = "FILE",
            description = "Where every save is appended (default: serve-audit.log beside the rules folder).")
    private Path auditLog;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (rules != null && !Files.isDirectory(rules)) {
            throw new IllegalArgumentException("--rules " + rules + ": no such directory");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + ": not a port");
        }
        Path sampleFolder = rules == null ? null : RuleFolders.samplesFor(rules, samples);
        if (sampleFolder != null && !Files.isDirectory(sampleFolder)) {
            sampleFolder = null; // diagnosing works; teaching needs somewhere to write the sample case
        }
        String token = null;
        if (tokenEnv != null) {
            token = System.getenv(tokenEnv);
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("--edit-token-env " + tokenEnv + ": the variable is not set");
            }
            if (rules == null || sampleFolder == null) {
                throw new IllegalArgumentException("teaching needs a rules folder (--rules) and its samples folder");
            }
        }
        DeskConfig defaults = DeskConfig.of(bind, port, rules, sampleFolder, token, tokenEnv);
        DeskConfig config = auditLog == null ? defaults : new DeskConfig(defaults.bind(), defaults.port(),
                defaults.rules(), defaults.samples(), token, tokenEnv, auditLog, defaults.maxBodyBytes(),
                defaults.maxBatchBytes(), defaults.idleTimeout());
        DeskServer server = DeskServer.start(config);
        spec.commandLine().getErr().printf("smtp-doctor serve: http://%s:%d/ (rules %s, version %s, teaching %s)%n",
                bind.contains(":") ? "[" + bind + "]" : bind, server.port(), rules == null ? "bundled" : rules,
                server.ruleSetVersion(), config.teachingOn() ? "on" : "off");
        spec.commandLine().getErr().flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "serve-shutdown"));
        new CountDownLatch(1).await(); // until the process is stopped
        return 0;
    }
}
