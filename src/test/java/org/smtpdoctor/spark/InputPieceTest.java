package org.smtpdoctor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pieces side by side read every line of a file exactly once, numbered as in the whole file, wherever
 * the byte ranges fall: inside a line, on a '\n', on the byte after one, in a "\r\n", in a long line.
 */
class InputPieceTest {
    @TempDir
    Path temp;

    @Test
    void piecesOfAnySizeTogetherReadEachLineOnceWithItsNumber() throws IOException {
        Random random = new Random(3);
        for (int round = 0; round < 40; round++) {
            byte[] content = randomLines(random, round % 5 == 0);
            Path file = Files.write(temp.resolve("f" + round), content);
            List<String> whole = lines(content);
            for (int size : new int[] {1, 2, 3, 7, 64, 1000, content.length + 1}) {
                assertThat(readInPieces(file, content, size)).as("round %d, pieces of %d bytes", round, size)
                        .containsExactlyElementsOf(whole);
            }
        }
    }

    /** Every line of every piece, each with the line number the piece gives it: "n: text". */
    private static List<String> readInPieces(Path file, byte[] content, int size) throws IOException {
        FileSystem local = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        List<String> read = new ArrayList<>();
        long newlines = 0;
        for (long start = 0; start < content.length; start += size) {
            long end = Math.min(start + size, content.length);
            InputPiece piece = new InputPiece(path.toString(), "f", start, end, newlines);
            InputPiece.Opened opened = piece.open(local.open(path));
            byte[] bytes;
            try (var in = opened.in()) {
                bytes = in.readAllBytes();
            }
            long number = opened.linesBefore();
            for (String line : lines(bytes)) {
                read.add(++number + ": " + line.substring(line.indexOf(": ") + 2));
            }
            for (long i = start; i < end; i++) {
                newlines += content[(int) i] == '\n' ? 1 : 0;
            }
        }
        return read;
    }

    /** Lines split on '\n' as LineReader does (a last line without '\n' counts), each as "n: text". */
    private static List<String> lines(byte[] content) {
        List<String> lines = new ArrayList<>();
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = end < 0 ? text.substring(start) : text.substring(start, end);
            lines.add(++number + ": " + line);
            start = end < 0 ? text.length() : end + 1;
        }
        return lines;
    }

    private static byte[] randomLines(Random random, boolean longLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            int length = longLine && i == count / 2 ? 700 : random.nextInt(12);
            for (int j = 0; j < length; j++) {
                out.write(random.nextInt(8) == 0 ? '\r' : 'a' + random.nextInt(26));
            }
            if (i < count - 1 || random.nextBoolean()) {
                out.write('\n');
            }
            if (random.nextInt(6) == 0) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
