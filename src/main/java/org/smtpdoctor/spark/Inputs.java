package org.smtpdoctor.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.smtpdoctor.batch.InputFormat;

/**
 * Which pieces of which inputs the tasks read. A line input that is not compressed and is larger than the
 * split size is cut into byte ranges (one task each); gzip files and CSV (whose header is its first line)
 * are read whole by one task. The '\n' bytes before each range are counted first (a cheap parallel pass
 * over the bytes), so every record keeps the line number it has in {@code batch}.
 */
final class Inputs {
    /** Pieces are at least this large when sized automatically. */
    static final long MIN_AUTO_SPLIT = 1L << 20;
    /** ... and at most this large. */
    static final long MAX_AUTO_SPLIT = 128L << 20;

    private Inputs() {
    }

    /**
     * The pieces of {@code paths}, in input order.
     *
     * @param split the split size in bytes; negative: {@code -split} pieces wanted over all inputs, each
     *              between {@link #MIN_AUTO_SPLIT} and {@link #MAX_AUTO_SPLIT}
     * @throws UncheckedIOException naming the input that does not exist or cannot be listed
     */
    static List<InputPiece> plan(SparkSession spark, List<String> paths, InputFormat format, long split) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<FileStatus> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String given : paths) {
            List<FileStatus> found = list(given, conf);
            boolean literal = found.size() == 1 && new Path(given).getName().equals(found.get(0).getPath().getName());
            for (FileStatus file : found) {
                files.add(file);
                names.add(literal ? given : file.getPath().toString());
            }
        }
        long total = files.stream().mapToLong(FileStatus::getLen).sum();
        long size = split > 0 ? split : Math.max(MIN_AUTO_SPLIT, Math.min(MAX_AUTO_SPLIT, total / -split + 1));
        List<InputPiece> pieces = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileStatus file = files.get(i);
            String path = file.getPath().toString();
            if (!splittable(names.get(i), format) || file.getLen() <= size) {
                pieces.add(InputPiece.whole(path, names.get(i)));
                continue;
            }
            for (long start = 0; start < file.getLen(); start += size) {
                pieces.add(new InputPiece(path, names.get(i), start, Math.min(start + size, file.getLen()), -1));
            }
        }
        return numbered(spark, pieces);
    }

    static boolean splittable(String name, InputFormat format) {
        return format != InputFormat.CSV && !name.endsWith(".gz");
    }

    /** The files of one given path: a file, a directory's visible files, or a glob's matches, sorted. */
    private static List<FileStatus> list(String given, Configuration conf) {
        try {
            Path path = new Path(given);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new FileNotFoundException("no such file");
            }
            List<FileStatus> files = new ArrayList<>();
            for (FileStatus match : matches) {
                if (match.isDirectory()) {
                    Arrays.stream(fs.listStatus(match.getPath()))
                            .filter(f -> f.isFile() && !f.getPath().getName().startsWith("_") && !f.getPath().getName().startsWith("."))
                            .sorted(Comparator.comparing(f -> f.getPath().getName()))
                            .forEach(files::add);
                } else {
                    files.add(match);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open input " + given + ": " + e.getMessage(), e);
        }
    }

    /** Counts the '\n' bytes of each range (in parallel) and gives each range the count before it in its file. */
    private static List<InputPiece> numbered(SparkSession spark, List<InputPiece> pieces) {
        List<InputPiece> ranges = pieces.stream().filter(p -> !p.isWhole()).toList();
        if (ranges.isEmpty()) {
            return pieces;
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
        List<Long> counts = jsc.parallelize(ranges, ranges.size())
                .map(range -> newlines(range, conf.value().value()))
                .collect();
        List<InputPiece> numbered = new ArrayList<>();
        String file = null;
        long before = 0;
        int next = 0;
        for (InputPiece piece : pieces) {
            if (piece.isWhole()) {
                numbered.add(piece);
                continue;
            }
            if (!piece.path().equals(file) || piece.start() == 0) {
                file = piece.path();
                before = 0;
            }
            numbered.add(new InputPiece(piece.path(), piece.name(), piece.start(), piece.end(), before));
            before += counts.get(next++);
        }
        return numbered;
    }

    private static long newlines(InputPiece range, Configuration conf) throws IOException {
        Path path = new Path(range.path());
        byte[] buffer = new byte[1 << 16];
        long count = 0;
        try (FSDataInputStream in = path.getFileSystem(conf).open(path)) {
            in.seek(range.start());
            long left = range.end() - range.start();
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                left -= n;
            }
        }
        return count;
    }

    /** Opens a piece on an executor: positioned, bounded and decompressed as batch reads it. */
    static InputPiece.Opened open(InputPiece piece, Configuration conf) throws IOException {
        Path path = new Path(piece.path());
        FSDataInputStream file = path.getFileSystem(conf).open(path);
        InputPiece.Opened opened = piece.open(file);
        InputStream in = org.smtpdoctor.batch.BatchInput.decompressed(piece.name(), opened.in());
        return new InputPiece.Opened(in, opened.linesBefore());
    }
}
