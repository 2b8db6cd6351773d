package org.smtpdoctor.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.smtpdoctor.batch.BatchRecords;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.engine.Diagnoser;

/**
 * A rule set as the driver ships it to executors: every file of the rules directory (any extension, so
 * nothing here depends on the rule format) by relative path, and a content hash naming this version; or
 * the rules bundled in the jar, which every executor already has. An executor JVM builds one
 * {@link Diagnoser} per version ({@link #diagnoser}) and every task of that JVM shares it.
 */
final class RuleBundle implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String BUNDLED = "bundled";
    /** One engine per rule set version in this JVM: building one compiles the rules (a second or more). */
    private static final Map<String, Diagnoser> BUILT = new ConcurrentHashMap<>();
    /** Batch's record makers per version and options, shared by a JVM's tasks. */
    private static final Map<RecordsKey, BatchRecords> RECORDS = new ConcurrentHashMap<>();

    private record RecordsKey(String version, BatchRunner.Options options) {
    }

    private final String version;
    private final TreeMap<String, byte[]> files;

    private RuleBundle(String version, TreeMap<String, byte[]> files) {
        this.version = version;
        this.files = files;
    }

    /** The rules bundled in the jar. */
    static RuleBundle bundled() {
        return new RuleBundle(BUNDLED, new TreeMap<>());
    }

    /**
     * Reads {@code directory} (once, on the driver) and builds its engine here, so that rules that do not
     * load fail now, before any task, with the CLI's messages.
     *
     * @throws org.smtpdoctor.source.ProblemsException with file:line:col of every problem
     * @throws IllegalArgumentException when the directory does not exist
     */
    static RuleBundle load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--rules " + directory + ": no such directory");
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules directory " + directory + ": " + e.getMessage(), e);
        }
        RuleBundle bundle = new RuleBundle(hash(files), files);
        BUILT.computeIfAbsent(bundle.version, v -> Diagnoser.builder().rulesDirectory(directory).build());
        return bundle;
    }

    /** Which content this is: a hash of the files' paths and bytes, or "bundled". */
    String version() {
        return version;
    }

    /** This JVM's engine for this rule set: built on first use (from a temporary copy of the files), then shared. */
    Diagnoser diagnoser() {
        return BUILT.computeIfAbsent(version, v -> files.isEmpty() ? Diagnoser.builder().build() : materialised());
    }

    /** This JVM's batch record maker for this rule set and these options (shared by all its tasks). */
    BatchRecords records(BatchRunner.Options options) {
        return RECORDS.computeIfAbsent(new RecordsKey(version, options), k -> new BatchRecords(diagnoser(), options));
    }

    /** Forgets the engines built in this JVM (tests: to build one from shipped files as an executor would). */
    static void forgetBuilt() {
        BUILT.clear();
        RECORDS.clear();
    }

    private Diagnoser materialised() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("smtp-doctor-rules-" + version);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalStateException("a rule file outside its directory: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            // The engine reads everything at build time (no watching), so the copy can go afterwards.
            return Diagnoser.builder().rulesDirectory(directory).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules to a temporary directory: " + e.getMessage(), e);
        } finally {
            delete(directory);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }

    private static String hash(TreeMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, bytes) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
