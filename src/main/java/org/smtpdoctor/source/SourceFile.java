package org.smtpdoctor.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A text file read from a rules or samples directory.
 *
 * @param name    path relative to the directory, with '/' separators (what problems and traces show)
 * @param content the whole text
 */
public record SourceFile(String name, String content) {

    /** A SHA-256 of every file's name and content, in name order (hex): the same files give the same digest. */
    public static String digest(List<SourceFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.stream().sorted(Comparator.comparing(SourceFile::name)).forEach(f -> {
                sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.content().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
