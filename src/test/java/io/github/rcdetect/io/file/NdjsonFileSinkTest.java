package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class NdjsonFileSinkTest {
    @TempDir
    Path directory;

    @Test
    void aNewFileGetsTheLinesSortedAndNoTemporaryFileStays() throws Exception {
        Path alerts = directory.resolve("alerts.ndjson");

        write(alerts, line("b", "{\"n\":2}"), line("a", "{\"n\":1}"));

        assertThat(Files.readAllLines(alerts)).containsExactly("{\"n\":1}", "{\"n\":2}");
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(alerts);
        }
    }

    /** The way /dev/null or a consumer's named pipe is given: written to, and still there afterwards. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aNamedPipeIsWrittenToNotReplaced() throws Exception {
        Path pipe = directory.resolve("alerts.pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor())
                .isZero();
        CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllLines(pipe, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });

        write(pipe, line("b", "{\"n\":2}"), line("a", "{\"n\":1}"));

        assertThat(read.get(20, TimeUnit.SECONDS)).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(Files.readAttributes(pipe, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        .isOther())
                .as("still a pipe")
                .isTrue();
    }

    @Test
    void aLinkIsFollowedAndStaysALink() throws Exception {
        Path target = Files.writeString(directory.resolve("target.ndjson"), "old\n");
        Path link = Files.createSymbolicLink(directory.resolve("alerts.ndjson"), target);

        write(link, line("a", "{\"n\":1}"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllLines(target)).containsExactly("{\"n\":1}");
    }

    private static void write(Path file, OutputLine... lines) throws Exception {
        try (SinkWriter<OutputLine> writer = NdjsonFileSink.toFile(file).createWriter(null)) {
            for (OutputLine line : lines) {
                writer.write(line, null);
            }
            writer.flush(true);
        }
    }

    private static OutputLine line(String sortKey, String json) {
        OutputLine line = new OutputLine();
        line.sortKey = sortKey;
        line.json = json;
        return line;
    }
}
