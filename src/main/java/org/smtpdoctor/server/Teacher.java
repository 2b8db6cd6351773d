package org.smtpdoctor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpdoctor.authoring.RuleScaffold;
import org.smtpdoctor.catalog.CatalogLoader;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.source.CategoryId;

/**
 * Saves what staff teach: a rule and its sample case (and, for a new category, its line in categories.yaml and its
 * advice), written by {@link RuleScaffold} (the same files and checks as {@code new-rule}) into the served rules and
 * samples directories, all or nothing.
 *
 * <p>Saves are one at a time. A save names the rule set version it was made against; when that is not the
 * version serving, it is refused with 409 and nothing is written, so two staff members teaching from the same
 * page state cannot overwrite or silently reorder each other's work: the second one reloads and sees the first
 * one's rule. A save holds the lock until the watching Diagnoser serves a new version, so the next request, and
 * the next save's version check, see the rule set that includes it; when the watcher refuses what was written
 * (the rules would not load), the files are put back as they were and the save answers 422.
 */
final class Teacher {
    private static final Logger LOG = LoggerFactory.getLogger(Teacher.class);
    /** How long a save waits for the watcher to load what it wrote (a Drools build takes well under this). */
    private static final long RELOAD_WAIT_SECONDS = 30;

    private final Diagnoser diagnoser;
    private final DeskConfig config;
    private final ObjectMapper mapper;
    /** Held by a save from its version check until its files serve (or are put back): saves are one at a time. */
    private final ReentrantLock saving = new ReentrantLock();
    /** Guards the watcher's news; separate from {@link #saving}, which waiting on a condition would release. */
    private final ReentrantLock news = new ReentrantLock();
    private final Condition changed = news.newCondition();
    /** Counts the watcher's refusals, so that a save can tell that what it wrote did not load. */
    private long refusals;
    private volatile List<String> lastRefusal = List.of();

    Teacher(Diagnoser diagnoser, DeskConfig config, ObjectMapper mapper) {
        this.diagnoser = diagnoser;
        this.config = config;
        this.mapper = mapper;
    }

    /** The watcher loaded a change (called on its thread). */
    void reloaded() {
        signal(null);
    }

    /** The watcher refused a change (called on its thread). */
    void refused(List<String> problems) {
        signal(problems);
    }

    private void signal(List<String> problems) {
        news.lock();
        try {
            if (problems != null) {
                refusals++;
                lastRefusal = problems;
            }
            changed.signalAll();
        } finally {
            news.unlock();
        }
    }

    /**
     * Saves the rule {@code request} asks for (its category, its reply, the wording as edited, a new category's
     * advice), made against {@code version}.
     *
     * @return the answer: the category, the wording, the files written, what the text is now diagnosed as, and
     *         the version now serving
     * @throws ApiProblem 409 when {@code version} is not the one serving; 422 when the scaffold refuses
     */
    ObjectNode save(TeachRequest request, String version, String remote) {
        saving.lock();
        try {
            String serving = diagnoser.ruleSetVersion();
            if (!serving.equals(version)) {
                throw new ApiProblem(409, "version-conflict", "The rules changed since the page loaded them",
                        "this save was made against rule set " + version + ", but " + serving + " is serving now"
                                + " (someone saved a rule in between). Nothing was written: diagnose the text again"
                                + " and teach it if it still needs it.");
            }
            long refusalsBefore = refusals();
            Map<Path, String> snapshot = snapshot(request.category());
            RuleScaffold.Result result;
            try {
                result = new RuleScaffold(config.rules(), config.samples()).create(request.category(), request.text(),
                        "reply taught on the serve page on " + Instant.now().toString().substring(0, 10),
                        request.edits());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(422, "not-saved", "The rule cannot be saved", e.getMessage());
            }
            boolean reloaded = awaitReload(version, refusalsBefore);
            if (!reloaded) {
                restore(snapshot);
                throw new ApiProblem(422, "not-loaded", "The rule was written but the rules did not load with it",
                        "the files were put back as they were; the rules kept serving unchanged. "
                                + String.join("; ", lastRefusal));
            }
            String now = diagnoser.ruleSetVersion();
            LOG.info("saved a rule of {} against rule set {}; {} serving now", result.category(), version, now);
            audit(result, version, now, remote);
            String commit = commitIfRepository(result);
            ObjectNode answer = mapper.createObjectNode();
            answer.put("category", result.category().toString());
            answer.put("wording", result.wording().wording());
            answer.put("newCategory", result.newCategory());
            var files = answer.putArray("changes");
            for (RuleScaffold.Change change : result.changes()) {
                files.addObject().put("file", relative(change.file())).put("created", change.created())
                        .put("what", change.what());
            }
            answer.put("diagnosedAs", result.diagnosedAs());
            answer.put("reloaded", true);
            answer.put("ruleSetVersion", now);
            answer.put("commit", commit);
            return answer;
        } finally {
            saving.unlock();
        }
    }

    /**
     * Waits until the rule set serving is no longer {@code version} (what was written loaded) or the watcher
     * refused a change after the write; false then, or after {@link #RELOAD_WAIT_SECONDS}.
     */
    private boolean awaitReload(String version, long refusalsBefore) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RELOAD_WAIT_SECONDS);
        news.lock();
        try {
            while (diagnoser.ruleSetVersion().equals(version)) {
                long left = deadline - System.nanoTime();
                if (refusals != refusalsBefore || left <= 0) {
                    LOG.warn("the rules written by a save did not load ({})", left <= 0 ? "no reload within "
                            + RELOAD_WAIT_SECONDS + " s" : String.join("; ", lastRefusal));
                    return false;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            news.unlock();
        }
    }

    private long refusals() {
        news.lock();
        try {
            return refusals;
        } finally {
            news.unlock();
        }
    }

    /** The files a save of {@code category} may write, with their content now (null: absent). */
    private Map<Path, String> snapshot(String category) {
        Map<Path, String> files = new LinkedHashMap<>();
        CategoryId.parse(category).ifPresent(id -> {
            for (Path file : List.of(config.rules().resolve(id.ruleFile()), config.rules().resolve(id.catalogFile()),
                    config.rules().resolve(CatalogLoader.CATEGORIES_FILE), config.samples().resolve(id.sampleFile()))) {
                try {
                    files.put(file, Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return files;
    }

    private static void restore(Map<Path, String> snapshot) {
        snapshot.forEach((file, content) -> {
            try {
                if (content == null) {
                    Files.deleteIfExists(file);
                } else {
                    Files.writeString(file, content, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                LOG.error("could not put {} back as it was: {}", file, e.toString());
            }
        });
    }

    /**
     * When the rules directory is itself a git repository (it holds {@code .git}), the save's files inside it
     * become one commit, its message naming the category, the wording and the token label; the author is
     * "smtp-doctor serve", so the history says which commits came from the page. A rules folder that is merely
     * inside a repository (the project's own rules/) is left to its owners: nothing is committed there.
     *
     * @return the commit id, or null when there is no repository or git failed (logged; the save stands)
     */
    private String commitIfRepository(RuleScaffold.Result result) {
        Path repository = config.rules().toAbsolutePath().normalize();
        if (!Files.exists(repository.resolve(".git"))) {
            return null;
        }
        List<String> files = result.changes().stream().map(c -> c.file().toAbsolutePath().normalize())
                .filter(f -> f.startsWith(repository)).map(f -> repository.relativize(f).toString()).toList();
        if (files.isEmpty()) {
            return null;
        }
        List<String> add = new ArrayList<>(List.of("git", "add", "--"));
        add.addAll(files);
        List<String> commit = new ArrayList<>(List.of("git", "-c", "user.name=smtp-doctor serve", "-c",
                "user.email=serve@smtp-doctor.invalid", "commit", "-q", "-m", "Teach " + result.category() + ": "
                        + result.wording().wording() + "\n\nSaved on the serve page with the token "
                        + config.tokenLabel() + ".", "--"));
        commit.addAll(files);
        if (git(repository, add) == null || git(repository, commit) == null) {
            return null;
        }
        String head = git(repository, List.of("git", "rev-parse", "HEAD"));
        return head == null ? null : head.strip();
    }

    /** Runs git in {@code directory}; its output, or null (logged) when it fails or takes over 20 s. */
    private static String git(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                LOG.warn("{} took too long in {}", command.get(1), directory);
                return null;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                LOG.warn("git {} failed in {}: {}", command.get(1), directory, output.strip());
                return null;
            }
            return output;
        } catch (IOException e) {
            LOG.warn("git cannot run in {}: {}", directory, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One JSON line per save: time, token label (never the token), who, files, wording, versions. */
    private void audit(RuleScaffold.Result result, String before, String after, String remote) {
        ObjectNode line = mapper.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("token", config.tokenLabel());
        line.put("remote", remote);
        line.put("category", result.category().toString());
        line.put("wording", result.wording().wording());
        line.put("newCategory", result.newCategory());
        result.changes().forEach(c -> line.withArray("files").add(relative(c.file())));
        line.put("ruleSetBefore", before);
        line.put("ruleSetAfter", after);
        try {
            Files.writeString(config.auditLog(), mapper.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit log " + config.auditLog() + " cannot be written", e);
        }
    }

    private String relative(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Path base : new Path[] {config.rules(), config.samples()}) {
            Path root = base.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                return root.getFileName() + "/" + root.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return file.getFileName().toString();
    }
}
