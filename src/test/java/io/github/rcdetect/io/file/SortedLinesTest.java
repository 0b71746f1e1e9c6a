package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

class SortedLinesTest {

    /** Against a plain in-memory sort: random keys with ties, texts with non-ASCII and empty ones, any spill size. */
    @Test
    void linesComeOutInTheOrderOfAnInMemorySortWhateverIsSpilled() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            List<OutputLine> lines = new ArrayList<>();
            int count = random.nextInt(300);
            for (int i = 0; i < count; i++) {
                lines.add(new OutputLine(
                        "k" + random.nextInt(20) + (random.nextInt(10) == 0 ? "|é" : ""),
                        random.nextInt(8) == 0 ? "" : "{\"n\":" + random.nextInt(50) + ",\"host\":\"ü\"}"));
            }
            long maxHeldChars = 1 + random.nextInt(400);
            List<String> expected = lines.stream()
                    .sorted(Comparator.comparing((OutputLine line) -> line.sortKey)
                            .thenComparing(line -> line.json))
                    .map(line -> line.json)
                    .toList();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int spilled;
            try (SortedLines sorted = new SortedLines(maxHeldChars)) {
                for (OutputLine line : lines) {
                    sorted.add(line);
                }
                spilled = sorted.spilledRuns();
                sorted.writeTo(out);
            }

            assertThat(
                            out.size() == 0
                                    ? List.of()
                                    : List.of(
                                            out.toString(StandardCharsets.UTF_8).split("\\n", -1)))
                    .as("round %d, %d lines, spilled every %d chars", round, count, maxHeldChars)
                    .containsExactlyElementsOf(withLineEnds(expected));
            if (count > 50 && maxHeldChars < 100) {
                assertThat(spilled).as("round %d spilled", round).isGreaterThan(1);
            }
        }
    }

    @Test
    void theSpilledRunsAreGoneOnceClosed() throws IOException {
        List<Path> before = runs();
        SortedLines sorted = new SortedLines(10);
        for (int i = 0; i < 20; i++) {
            sorted.add(new OutputLine("k" + (20 - i), "{\"n\":" + i + "}"));
        }
        assertThat(sorted.spilledRuns()).isEqualTo(20);
        assertThat(runs()).hasSize(before.size() + 20);

        sorted.writeTo(OutputStream.nullOutputStream());
        sorted.close();

        assertThat(runs()).containsExactlyInAnyOrderElementsOf(before);
    }

    /** The text split at '\\n' after each line: each line, then the empty rest after the last newline. */
    private static List<String> withLineEnds(List<String> lines) {
        List<String> parts = new ArrayList<>(lines);
        if (!parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    private static List<Path> runs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("rcdetect-sorted-"))
                    .toList();
        }
    }
}
