package io.github.rcdetect.io.file;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a bounded run's output as one NDJSON file, sorted, so the same input always gives the same bytes whatever
 * the order of records and files. A file appears whole at the end of input; lines beyond what {@link SortedLines}
 * holds wait on disk meanwhile. Runs with parallelism 1 on the local
 * machine: this is the bounded run's sink, not a distributed one.
 */
public final class NdjsonFileSink implements Sink<OutputLine> {
    private static final long serialVersionUID = 1L;
    /** Characters of output held in memory before a sorted run goes to disk (about 64 MB of ASCII). */
    private static final long MAX_HELD_CHARS = 64L << 20;

    private enum Target {
        FILE,
        STANDARD_OUTPUT,
        STANDARD_ERROR
    }

    private final Target target;
    private final String file;

    private NdjsonFileSink(Target target, String file) {
        this.target = target;
        this.file = file;
    }

    public static NdjsonFileSink toFile(Path file) {
        return new NdjsonFileSink(Target.FILE, file.toString());
    }

    public static NdjsonFileSink toStandardOutput() {
        return new NdjsonFileSink(Target.STANDARD_OUTPUT, null);
    }

    public static NdjsonFileSink toStandardError() {
        return new NdjsonFileSink(Target.STANDARD_ERROR, null);
    }

    @Override
    public SinkWriter<OutputLine> createWriter(WriterInitContext context) {
        return new SortingWriter();
    }

    private final class SortingWriter implements SinkWriter<OutputLine> {
        private final SortedLines lines = new SortedLines(MAX_HELD_CHARS);
        private boolean written;

        @Override
        public void write(OutputLine line, Context context) throws IOException {
            lines.add(line);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput && !written) {
                written = true;
                switch (target) {
                    case STANDARD_OUTPUT:
                        writeTo(new NonClosing(System.out));
                        break;
                    case STANDARD_ERROR:
                        writeTo(new NonClosing(System.err));
                        break;
                    default:
                        writeFile(Paths.get(file));
                }
            }
        }

        private void writeFile(Path given) throws IOException {
            if (Files.exists(given) && !Files.isRegularFile(given)) {
                // A device or a pipe (/dev/null, /dev/stdout, a FIFO a consumer reads) is written to: replacing it
                // with a file would take it away from everything else on the machine.
                writeTo(Files.newOutputStream(given, StandardOpenOption.WRITE));
                return;
            }
            // A link is followed: the file it names gets the output, and the link stays.
            Path path = Files.exists(given) ? given.toRealPath() : given;
            Path directory = path.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            // Created as any new file is, so it gets the umask's mode (a temporary file's would be 0600).
            Path temporary = directory.resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try {
                writeTo(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }

        private void writeTo(OutputStream sink) throws IOException {
            try (BufferedOutputStream out = new BufferedOutputStream(sink, 1 << 16)) {
                lines.writeTo(out);
            }
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    /** Standard output, flushed but never closed by the writer. */
    private static final class NonClosing extends PrintStream {
        NonClosing(PrintStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            flush();
        }
    }
}
