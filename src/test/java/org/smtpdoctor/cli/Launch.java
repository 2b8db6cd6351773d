package org.smtpdoctor.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as the launcher runs it (the checkout's rules and samples given as
 * system properties), for what an in-process run cannot show: exit codes, standard output going to a real
 * file or device, signals.
 */
record Launch(int exit, String out, String err) {
    static final Path RULES = Path.of("rules").toAbsolutePath();
    static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    /**
     * The process, not yet started: standard output to {@code stdout} (a file or device), standard error kept,
     * standard input an empty file of its own rather than {@code /dev/null}: on one CI machine {@code diagnose} with
     * standard input from {@code /dev/null} found a text there and exited 0, so the test now owns its empty input.
     */
    static ProcessBuilder builder(Path directory, File stdout, File stderr, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap(args), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dsmtpdoctor.rules=" + RULES, "-Dsmtpdoctor.samples=" + SAMPLES, Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout).redirectError(stderr).redirectInput(emptyInput(directory));
    }

    /**
     * The heap the launcher script gives the command, so that a test runs it as a user does: lint and serve build
     * a second scanner of every wording beside the engine and get 512 MB (the launcher's {@code heap}), the other
     * commands the test runs 384 MB.
     */
    private static String heap(String... args) {
        return args.length > 0 && (args[0].equals("lint") || args[0].equals("serve")) ? "512m" : "384m";
    }

    private static File emptyInput(Path directory) {
        try {
            Path empty = directory.resolve("empty-stdin");
            Files.write(empty, new byte[0]);
            return empty.toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to its end (at most two minutes) with standard output to {@code stdout}, e.g. {@code /dev/full}. */
    static Launch run(Path directory, File stdout, String... args) {
        try {
            Path err = Files.createTempFile("smtp-doctor-err", ".txt");
            Process process = builder(directory, stdout, err.toFile(), args).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("still running after two minutes: " + List.of(args));
            }
            String out = stdout.getPath().startsWith("/dev/") ? "" : Files.readString(stdout.toPath(), StandardCharsets.UTF_8);
            Launch launch = new Launch(process.exitValue(), out, Files.readString(err));
            Files.delete(err);
            return launch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs to its end with standard output captured. */
    static Launch run(Path directory, String... args) {
        try {
            Path out = Files.createTempFile("smtp-doctor-out", ".txt");
            Launch launch = run(directory, out.toFile(), args);
            Files.delete(out);
            return launch;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
