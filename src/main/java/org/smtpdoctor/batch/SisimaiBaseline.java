package org.smtpdoctor.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The classifier smtp-doctor is measured against: Sisimai's {@code Reason->match} (Perl) over every line of a
 * file, one process, its output discarded. Runs only where {@code perl} has the module; otherwise
 * {@link #unavailable} says why and how to install it.
 */
public final class SisimaiBaseline {
    /** The module whose {@code match} classifies one error text. */
    public static final String MODULE = "Sisimai::Reason";
    /** How to get it on Debian and Ubuntu. */
    public static final String INSTALL = "apt-get install libsisimai-perl";
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_]\\w*(::\\w+)*");
    /** A run longer than this is stopped: even 10M lines at Sisimai's slowest take well under it. */
    private static final long LIMIT_MINUTES = 60;

    private final String module;

    /** A baseline with {@code module} (a Perl package name) as the classifier, e.g. {@link #MODULE}. */
    public SisimaiBaseline(String module) {
        if (!MODULE_NAME.matcher(module).matches()) {
            throw new IllegalArgumentException("not a Perl module name: " + module);
        }
        this.module = module;
    }

    /** Null when perl loads the module; else why this baseline cannot run. */
    public String unavailable() {
        try {
            return perl(List.of("-M" + module, "-e1"), true) == 0 ? null : "perl has no " + module;
        } catch (IOException e) {
            return "perl does not run: " + e.getMessage();
        }
    }

    /**
     * Classifies every line of {@code file} (which has {@code lines} lines) and times it; the time perl takes to
     * start and load the module (measured just before) is not counted, as the JVM's start is not.
     */
    public Benchmark.Throughput run(Path file, long lines) throws IOException {
        long start = System.nanoTime();
        perl(List.of("-M" + module, "-e1"), true);
        long startup = System.nanoTime() - start;
        String script = "chomp; print " + module + "->match($_) // \"undefined\", \"\\n\"";
        start = System.nanoTime();
        int exit = perl(List.of("-M" + module, "-ne", script, file.toString()), false);
        long nanos = System.nanoTime() - start - startup;
        if (exit != 0) {
            throw new IOException("perl " + module + " on " + file + " exited with " + exit);
        }
        return new Benchmark.Throughput(lines, nanos / 1e9, 0);
    }

    /** Runs perl with {@code args}, output discarded, errors to ours unless {@code quiet}; its exit code. */
    private static int perl(List<String> args, boolean quiet) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("perl");
        builder.command().addAll(args);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(quiet ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        try {
            if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("perl " + String.join(" ", args) + " took over " + LIMIT_MINUTES + " minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
