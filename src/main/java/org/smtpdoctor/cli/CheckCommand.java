package org.smtpdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.smtpdoctor.check.AccountCheck;
import org.smtpdoctor.check.CheckReport;
import org.smtpdoctor.check.CheckRequest;
import org.smtpdoctor.check.Security;
import org.smtpdoctor.report.CheckJson;
import org.smtpdoctor.report.CheckText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor check}: tests a mail account live, step by step, the way the sending application would. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connects to the SMTP server as the sending application would (Jakarta Mail): DNS, TCP,",
                "greeting, EHLO, TLS, AUTH, and with --from/--to MAIL FROM, RCPT TO and RSET (with --send a real",
                "test message). Prints each step and diagnoses the first that fails; with --security auto, or after",
                "a connection or TLS failure, finds the port and security mode that work.",
                "Example: SMTP_PASSWORD=... smtp-doctor check --host smtp.example.com --security auto "
                        + "--user me@example.com --password-env SMTP_PASSWORD",
                "Exit codes: 0 all steps passed, 1 a step failed, 2 bad usage."})
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--host", required = true, paramLabel = "HOST", description = "The SMTP server's name or address.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The port (default: 465 for ssl, 587 for starttls and auto, 25 for none).")
    private int port;

    @Option(names = "--security", paramLabel = "MODE", defaultValue = "auto",
            description = "none, starttls, ssl or auto (default: ${DEFAULT-VALUE}).")
    private Security security;

    @Option(names = "--user", paramLabel = "LOGIN", description = "Log in (AUTH) with this login.")
    private String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from environment variable VAR.")
    private String passwordEnv;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    private boolean passwordStdin;

    /** Refused on purpose: a password in the arguments is visible to every user of the machine (ps). */
    @Option(names = "--password", hidden = true, arity = "0..1", paramLabel = "IGNORED")
    private String passwordArgument;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "Try MAIL FROM with this address (needs --to).")
    private String from;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "Try RCPT TO with this address (needs --from).")
    private String to;

    @Option(names = "--send", description = "Send a real small test message from --from to --to.")
    private boolean send;

    @Option(names = "--message-size", paramLabel = "BYTES", defaultValue = "1024",
            description = "Size of the test message, to test a size limit (default: ${DEFAULT-VALUE}).")
    private int messageSize;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Bound on each step in total: connect, greeting, EHLO, TLS, AUTH, MAIL, RCPT, DATA (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(names = "--auto-budget", paramLabel = "SECONDS", defaultValue = "60",
            description = "Bound on the whole search for working settings (default: ${DEFAULT-VALUE}).")
    private int autoBudgetSeconds;

    @Option(names = "--ssl-trust", paramLabel = "HOSTS",
            description = "Trust these hosts' certificates without validation (mail.smtp.ssl.trust; \"*\" for all),"
                    + " as an application configured so would.")
    private String sslTrust;

    @Option(names = "--json", description = "The report as one JSON object.")
    private boolean json;

    @Mixin
    private EngineOptions engine;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CheckRequest request = request();
        CheckReport report = new AccountCheck(engine.diagnoser()).run(request);
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = engine.locale();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            out.println(mapper.writeValueAsString(new CheckJson(mapper).toJson(report, locale)));
        } else {
            out.print(CheckText.render(report, locale));
        }
        out.flush();
        return report.ok() ? 0 : Main.EXIT_FAILURES;
    }

    /** The request from the options; the builder judges the values, its refusals become usage errors. */
    private CheckRequest request() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--password")) {
            throw usage("--password is not accepted: a password in the command line is visible to other users;"
                    + " use --password-env VAR or --password-stdin");
        }
        String password = password();
        try {
            return CheckRequest.builder(host)
                    .port(port)
                    .security(security)
                    .login(user, user != null && password == null ? "" : password)
                    .envelope(from, to)
                    .send(send)
                    .messageBytes(messageSize)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .autoBudget(Duration.ofSeconds(autoBudgetSeconds))
                    .sslTrust(sslTrust)
                    .build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private String password() {
        if (passwordEnv != null && passwordStdin) {
            throw usage("give the password one way: --password-env or --password-stdin");
        }
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null) {
                throw usage("--password-env " + passwordEnv + ": the environment variable is not set");
            }
            return value;
        }
        if (passwordStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? "" : line;
            } catch (IOException e) {
                throw usage("--password-stdin: standard input cannot be read: " + e.getMessage());
            }
        }
        return null;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
