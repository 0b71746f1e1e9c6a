package io.github.rcdetect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command a user runs, measured whole (issue #13): {@code bin/detect} as a process, start-up included, against
 * one thread doing nothing but a full Jackson {@code readTree} of the same files in this JVM; on one file per stream
 * and on the same records cut into many files; and {@code bin/detect} over testdata/, which is its fixed cost. Peak
 * RSS is the process's high-water mark ({@code VmHWM}), sampled while it runs.
 */
final class WholeProcessBench {
    private static final int PIECES = 16;
    private static final Pattern SUMMARY = Pattern.compile("alerts R1=(\\d+) R2=(\\d+)");

    private WholeProcessBench() {}

    /**
     * A run's wall time, peak RSS and CPU time (user and system, sampled every 20 ms while it runs): on a shared
     * machine, CPU time varies less between runs than wall time does.
     */
    record Detect(double seconds, long peakRssKib, double cpuSeconds, String summary) {}

    static void run(LoadGenerator.Output load, int rounds) throws Exception {
        long records = load.activityRecords() + load.processRecords();
        Path many = load.activity().getParent().resolve("pieces");
        cut(load.activity(), many.resolve("activity"));
        cut(load.process(), many.resolve("process"));

        // The first bounded run after a build records bin/detect's class-data archive: not a user's usual run.
        detect(Path.of("testdata/activity"), Path.of("testdata/process"));
        double jackson = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long started = System.nanoTime();
            long documents = readTrees(List.of(load.activity(), load.process()));
            jackson = Math.min(jackson, (System.nanoTime() - started) / 1e9);
            if (round == 0) {
                System.out.printf(Locale.ROOT, "  Jackson readTree, one thread: %,d documents%n", documents);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "(j) Jackson readTree, one thread:  %,12.0f records/s   %6.2f s%n",
                records / jackson,
                jackson);
        report("one file per stream", best(rounds, load.activity(), load.process()), records, jackson, load);
        report(
                PIECES + " files per stream",
                best(rounds, many.resolve("activity"), many.resolve("process")),
                records,
                jackson,
                load);
        Detect fixed = best(rounds, Path.of("testdata/activity"), Path.of("testdata/process"));
        System.out.printf(
                Locale.ROOT,
                "bin/detect over testdata/ (its fixed cost): %.2f s wall, %.2f s CPU, peak RSS %,d MiB%n",
                fixed.seconds,
                fixed.cpuSeconds,
                fixed.peakRssKib >> 10);
    }

    private static void report(String shape, Detect detect, long records, double jackson, LoadGenerator.Output load) {
        Matcher alerts = SUMMARY.matcher(detect.summary);
        boolean found = alerts.find();
        System.out.printf(
                Locale.ROOT,
                "(d) bin/detect, %s: %,12.0f records/s   %6.2f s wall   %6.2f s CPU   peak RSS %,d MiB   %.2fx (j)   alerts"
                        + " R1 %s/%,d R2 %s/%,d%n",
                shape,
                records / detect.seconds,
                detect.seconds,
                detect.cpuSeconds,
                detect.peakRssKib >> 10,
                jackson / detect.seconds,
                found ? alerts.group(1) : "?",
                load.expectedR1(),
                found ? alerts.group(2) : "?",
                load.expectedR2());
    }

    private static Detect best(int rounds, Path activity, Path process) throws Exception {
        Detect best = null;
        for (int round = 0; round < rounds; round++) {
            Detect run = detect(activity, process);
            if (best == null || run.seconds < best.seconds) {
                best = run;
            }
        }
        return best;
    }

    /** One {@code bin/detect --quiet} run, alerts and dead letters discarded; its wall time and peak RSS. */
    private static Detect detect(Path activity, Path process) throws Exception {
        Path err = Files.createTempFile("bench-detect", ".err");
        long started = System.nanoTime();
        Process detect = new ProcessBuilder(
                        "bin/detect",
                        "--activity",
                        activity.toString(),
                        "--process",
                        process.toString(),
                        "--alerts",
                        "/dev/null",
                        "--dead-letter",
                        "/dev/null",
                        "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        // bin/detect execs java: the script's pid is the JVM's.
        Path status = Path.of("/proc", String.valueOf(detect.pid()), "status");
        long peak = 0;
        double cpu = 0;
        while (detect.isAlive()) {
            peak = Math.max(peak, highWaterMark(status));
            cpu = detect.toHandle()
                    .info()
                    .totalCpuDuration()
                    .map(d -> d.toNanos() / 1e9)
                    .orElse(cpu);
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> lines = Files.readAllLines(err);
        Files.delete(err);
        if (detect.exitValue() != 0) {
            throw new IllegalStateException("bin/detect failed: " + String.join("\n", lines));
        }
        return new Detect(seconds, peak, cpu, lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }

    private static long highWaterMark(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is ending
        }
        return 0;
    }

    private static long readTrees(List<Path> files) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long documents = 0;
        for (Path file : files) {
            try (MappingIterator<JsonNode> trees =
                    mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (trees.hasNextValue()) {
                    trees.nextValue();
                    documents++;
                }
            }
        }
        return documents;
    }

    /** The lines of {@code file} dealt round-robin into {@link #PIECES} files, unless that was done before. */
    private static void cut(Path file, Path folder) throws IOException {
        if (Files.isDirectory(folder)
                && Files.getLastModifiedTime(folder).compareTo(Files.getLastModifiedTime(file)) > 0) {
            return;
        }
        Files.createDirectories(folder);
        List<BufferedWriter> pieces = new ArrayList<>();
        for (int i = 0; i < PIECES; i++) {
            pieces.add(Files.newBufferedWriter(folder.resolve(String.format(Locale.ROOT, "part-%02d.ndjson", i))));
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int next = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                BufferedWriter piece = pieces.get(next++ % PIECES);
                piece.write(line);
                piece.newLine();
            }
        } finally {
            for (BufferedWriter piece : pieces) {
                piece.close();
            }
        }
    }
}
