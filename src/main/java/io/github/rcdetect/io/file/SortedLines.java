package io.github.rcdetect.io.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A bounded run's output lines, sorted with bounded memory: held until they reach {@code maxHeldChars}, then sorted
 * and spilled to a temporary file (in {@code java.io.tmpdir}); at the end the held lines and every spilled run are
 * merged. Millions of alerts or dead letters then cost disk, not heap.
 */
final class SortedLines implements Closeable {
    /** By sort key, then by text: equal keys still give one order, so the same input gives the same bytes. */
    static final Comparator<OutputLine> ORDER =
            Comparator.comparing((OutputLine line) -> line.sortKey).thenComparing(line -> line.json);

    private final long maxHeldChars;
    private final List<OutputLine> held = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long heldChars;

    SortedLines(long maxHeldChars) {
        this.maxHeldChars = maxHeldChars;
    }

    void add(OutputLine line) throws IOException {
        held.add(line);
        heldChars += line.sortKey.length() + line.json.length();
        if (heldChars >= maxHeldChars) {
            spill();
        }
    }

    /** How many runs were spilled to disk. */
    int spilledRuns() {
        return runs.size();
    }

    private void spill() throws IOException {
        held.sort(ORDER);
        Path run = Files.createTempFile("rcdetect-sorted-", ".run");
        runs.add(run);
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (OutputLine line : held) {
                writeText(out, line.sortKey);
                writeText(out, line.json);
            }
        }
        held.clear();
        heldChars = 0;
    }

    /**
     * Every line's text, in order, one per line, as UTF-8. Written as bytes, not through a {@link java.io.Writer}: a
     * writer widens every line to chars and encodes them back, which cost the 120,000 alert lines of the 10 %-matching
     * stress mix half a second at the end of the run, where nothing else runs beside it.
     */
    void writeTo(OutputStream out) throws IOException {
        held.sort(ORDER);
        PriorityQueue<Source> sources = new PriorityQueue<>((a, b) -> ORDER.compare(a.head, b.head));
        List<Source> opened = new ArrayList<>();
        try {
            opened.add(new Source(held.iterator()));
            for (Path run : runs) {
                opened.add(new Source(new RunReader(run)));
            }
            for (Source source : opened) {
                if (source.advance()) {
                    sources.add(source);
                }
            }
            while (!sources.isEmpty()) {
                Source next = sources.poll();
                out.write(next.head.json.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                if (next.advance()) {
                    sources.add(next);
                }
            }
        } finally {
            for (Source source : opened) {
                source.close();
            }
        }
    }

    /** Deletes the spilled runs. */
    @Override
    public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
        held.clear();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The lines of one sorted run, or of the held lines, one at a time. */
    private static final class Source implements Closeable {
        private final Iterator<OutputLine> lines;
        OutputLine head;

        Source(Iterator<OutputLine> lines) {
            this.lines = lines;
        }

        boolean advance() {
            head = lines.hasNext() ? lines.next() : null;
            return head != null;
        }

        @Override
        public void close() throws IOException {
            if (lines instanceof RunReader reader) {
                reader.close();
            }
        }
    }

    /** Reads a spilled run back, line by line. */
    private static final class RunReader implements Iterator<OutputLine>, Closeable {
        private final DataInputStream in;
        private OutputLine next;

        RunReader(Path run) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
            this.next = read();
        }

        private OutputLine read() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return null;
            }
            String sortKey = readText(length);
            return new OutputLine(sortKey, readText(in.readInt()));
        }

        private String readText(int length) throws IOException {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public OutputLine next() {
            OutputLine line = next;
            try {
                next = read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
