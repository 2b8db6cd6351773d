package org.smtpdoctor.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Output files written complete or not at all: the content goes to a hidden {@code .NAME….part} file beside
 * the target, renamed to it when complete. A run stopped by SIGTERM or SIGINT removes its part file (a
 * shutdown hook); one killed outright leaves it, and the next run into that folder removes it: a part file
 * whose writer is alive holds a lock on it, so one that can be locked has no writer any more.
 */
final class OutputFiles {
    private static final String PART = ".part";

    private OutputFiles() {
    }

    /** What writes an output file's content. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes with {@code body} to a temporary file beside {@code target}, renamed to it when complete.
     *
     * @throws IOException naming the target and the reason (no such folder, permission denied, no space left), or
     *                     what {@code body} threw
     */
    static void writeAtomically(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new IOException("cannot write " + target + ": the folder " + folder + " does not exist");
        }
        removeStaleParts(folder, absolute.getFileName().toString());
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), PART);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        Thread cleanup = new Thread(() -> deleteQuietly(temporary), "smtp-doctor-remove-part-file");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            OutputStream out = new BufferedOutputStream(new NamedOutput(target.toString(), Channels.newOutputStream(channel)),
                    1 << 16);
            body.write(out);
            out.flush();
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(temporary);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    /** Removes the {@code .NAME….part} files of {@code name} in {@code folder} that no live run is writing. */
    private static void removeStaleParts(Path folder, String name) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, p -> {
            String file = p.getFileName().toString();
            return file.startsWith("." + name) && file.endsWith(PART) && Files.isRegularFile(p);
        })) {
            for (Path part : parts) {
                if (unlocked(part)) {
                    deleteQuietly(part);
                }
            }
        } catch (IOException e) {
            // cleaning up is a courtesy: the run itself does not depend on it
        }
    }

    private static boolean unlocked(Path part) {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // this very process writes it
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing more can be done about it
        }
    }

    /** Why a file operation failed, in words: the JDK's messages for these are only the file's path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
