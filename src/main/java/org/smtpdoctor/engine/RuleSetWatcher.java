package org.smtpdoctor.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/**
 * Watches a rules directory (and its subfolders) and, when files change, loads it again on one background
 * thread and swaps the new rule set in. A change that does not load is reported and the rule set serving
 * stays; a diagnosis holds the rule set it started with, so one in flight is never affected.
 */
final class RuleSetWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetWatcher.class);
    /** Editors and copies write a change in several steps: reload once the folder has been quiet this long. */
    private static final long QUIET_MILLIS = 250;
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Path directory;
    private final AtomicReference<RuleSet> serving;
    private final RuleSetListener listener;
    private final WatchService service;
    private final Thread thread;

    private RuleSetWatcher(Path directory, AtomicReference<RuleSet> serving, RuleSetListener listener)
            throws IOException {
        this.directory = directory;
        this.serving = serving;
        this.listener = listener;
        this.service = directory.getFileSystem().newWatchService();
        this.thread = new Thread(this::run, "smtp-doctor-rules-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching {@code directory}; reloads replace the value of {@code serving}. */
    static RuleSetWatcher start(Path directory, AtomicReference<RuleSet> serving, RuleSetListener listener) {
        try {
            RuleSetWatcher watcher = new RuleSetWatcher(directory, serving, listener);
            watcher.registerTree(directory);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + directory, e);
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).filter(f -> !SourceTree.isHidden(root, f)).toList()) {
                folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey changed = service.take();
                try {
                    drain(changed);
                    WatchKey more;
                    while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                        drain(more);
                    }
                    reload();
                } catch (InterruptedException | ClosedWatchServiceException e) {
                    throw e;
                } catch (Throwable e) {
                    // Anything else (a folder that vanished while it was walked, an Error while reporting): the
                    // watcher is the only way an edit ever gets served, so it reports and keeps watching.
                    refuse(List.of(Problem.error(".", 0, 0, "cannot reload the rules directory " + directory
                            + ": " + e)));
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Consumes a key's events, watching folders created meanwhile, and re-arms the key. */
    private void drain(WatchKey key) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == ENTRY_CREATE && key.watchable() instanceof Path folder
                    && event.context() instanceof Path name && Files.isDirectory(folder.resolve(name))) {
                try {
                    registerTree(folder.resolve(name));
                } catch (IOException e) {
                    LOG.warn("cannot watch the new folder {}: {}", folder.resolve(name), e.toString());
                }
            }
        }
        key.reset();
    }

    private void reload() {
        Problems problems = new Problems();
        RuleSet loaded;
        try {
            loaded = RuleSetLoader.check(SourceTree.of(directory), problems).ruleSet();
        } catch (Throwable e) {
            // A file removed while it was read, the folder itself gone, or an Error out of the compiler (a
            // stack overflow on a deeply nested file): whatever it is, the last good rules keep serving. An
            // OutOfMemoryError too: what the abandoned load allocated is garbage now, and the serving rules were
            // built before it, so the process is as sound as before the edit.
            problems.error(".", 0, 0, "cannot load the rules directory " + directory + ": " + e);
            loaded = null;
        }
        if (loaded == null) {
            refuse(problems.all().stream().filter(Problem::isError).toList());
            return;
        }
        serving.set(loaded);
        LOG.info("rules in {} reloaded: rule set {}", directory, loaded.version());
        String version = loaded.version();
        tell(() -> listener.reloaded(version));
    }

    private void refuse(List<Problem> errors) {
        LOG.warn("rules in {} changed but do not load; rule set {} keeps serving:\n{}", directory,
                serving.get().version(), String.join("\n", errors.stream().map(Problem::toString).toList()));
        tell(() -> listener.refused(errors));
    }

    /** A listener's failure must not stop the watching. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (Throwable e) {
            LOG.warn("rule set listener failed: {}", e.toString());
        }
    }

    /** Stops watching and waits (boundedly) for a reload in progress to finish. */
    @Override
    public void close() {
        try {
            service.close(); // take() and poll() throw ClosedWatchServiceException: the thread ends
            thread.join(STOP_WAIT_MILLIS);
        } catch (IOException e) {
            LOG.warn("closing the rules watcher: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
