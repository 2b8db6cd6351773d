package org.smtpdoctor.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of rule or sample files: a real folder, or the copy of {@code rules/} bundled in the jar.
 * Everything is read at run time, so editing the folder changes the engine without a rebuild.
 */
public final class SourceTree {
    /** Where the build puts the bundled copy of {@code rules/} on the classpath. */
    static final String BUNDLED_ROOT = "smtpdoctor-rules";
    /** The most of a file that is read: more than any reader accepts (a YAML file holds at most 2M characters, 4 bytes at most each). */
    static final int MAX_FILE_BYTES = 8 << 20;

    private final Path root;
    private final String description;

    private SourceTree(Path root, String description) {
        this.root = root;
        this.description = description;
    }

    /** A folder on disk. */
    public static SourceTree of(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("not a directory: " + directory);
        }
        return new SourceTree(directory, directory.toString());
    }

    /** The rules bundled in the jar (or in target/classes when run from the build). */
    public static SourceTree bundledRules() {
        URL marker = SourceTree.class.getClassLoader().getResource(BUNDLED_ROOT + "/categories.yaml");
        if (marker == null) {
            throw new IllegalStateException("no bundled rules on the classpath (" + BUNDLED_ROOT + "/categories.yaml)");
        }
        try {
            URI uri = marker.toURI();
            Path categories;
            if ("jar".equals(uri.getScheme())) {
                categories = jarFileSystem(uri).provider().getPath(uri);
            } else {
                categories = Path.of(uri);
            }
            return new SourceTree(categories.getParent(), "bundled rules");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot open the bundled rules at " + marker, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Collections.emptyMap());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For messages: the folder's path, or "bundled rules". */
    public String description() {
        return description;
    }

    /** The folder itself; a path inside the jar for the bundled rules. */
    public Path root() {
        return root;
    }

    /** Every file below the root whose name ends with {@code suffix}, sorted by relative name. */
    public List<SourceFile> files(String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(root, p))
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .map(this::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + description, e);
        }
    }

    /**
     * Whether {@code path} lies in a hidden folder below {@code root} ({@code .git} of a rules folder kept in
     * git, an editor's swap folder), or is a hidden file: neither rules nor samples, and not worth a reload.
     */
    public static boolean isHidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * One file given by its own path (a command-line option's), read with the same bound and named as given, or null
     * when it is no regular file.
     */
    public static SourceFile fileAt(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        SourceFile read = of(file.toAbsolutePath().getParent()).file(file.getFileName().toString());
        return new SourceFile(file.toString(), read.content());
    }

    /** One file by relative name, or null when it does not exist. */
    public SourceFile file(String relativeName) {
        Path path = root.resolve(relativeName);
        return Files.isRegularFile(path) ? read(path) : null;
    }

    private SourceFile read(Path path) {
        String name = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        try (InputStream in = Files.newInputStream(path)) {
            // Reading stops past the bound: the readers refuse a file that long anyway (YAML past 1M
            // characters), and a multi-gigabyte file dropped into the folder must not fill the heap first.
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            return new SourceFile(name, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " in " + description, e);
        }
    }
}
