package io.github.rcdetect;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.config.RunMode;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.file.FileInputs;
import io.github.rcdetect.io.file.FileSinks;
import io.github.rcdetect.pipeline.DetectionPipeline;
import io.github.rcdetect.pipeline.SideTopics;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A run over NDJSON exports in a local Flink environment: files in, sorted NDJSON files out, then a summary. */
final class BoundedRun {
    private static final String JOB_NAME = "Azure Run Command detection over files";

    /** Input below which a run in a cluster of its own runs each operator once (docs/performance.md). */
    static final long SMALL_RUN_BYTES = 32L << 20;

    private BoundedRun() {}

    /** Creates an output file's missing folder before the run, and says so: a user should know where it went. */
    private static void createFolderOf(Path output) throws IOException {
        if (output == null) {
            return;
        }
        Path folder = output.toAbsolutePath().getParent();
        if (folder != null && !Files.exists(folder)) {
            Files.createDirectories(folder);
            System.err.println("detect: created the folder " + folder + " for " + output.getFileName());
        }
    }

    private static List<Path> concat(List<Path> first, List<Path> second) {
        List<Path> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static RunSummary run(JobConfig config) throws Exception {
        return run(config, new Progress(Progress.Style.of(config.quiet()), System.err, Progress.LINE_INTERVAL));
    }

    /** The run, showing its progress as {@code progress} does. */
    static RunSummary run(JobConfig config, Progress progress) throws Exception {
        if (!(config.mode() instanceof RunMode.Files files)) {
            throw new IllegalArgumentException("not a bounded run's configuration: " + config.mode());
        }
        for (Path output : new Path[] {files.alerts(), files.deadLetters()}) {
            createFolderOf(output);
        }
        long totalBytes = 0;
        for (Path input : concat(files.activity(), files.process())) {
            totalBytes += Files.size(input);
        }
        // Run by bin/detect: a cluster of its own, started first, since it takes longest. Under a test cluster or
        // `flink run`: theirs, and their parallelism unless the command line gives one.
        boolean ownCluster = StreamExecutionEnvironment.areExplicitEnvironmentsAllowed();
        Integer parallelism = config.parallelism();
        if (ownCluster) {
            parallelism = ownClusterParallelism(config, totalBytes);
        }
        LocalCluster cluster = ownCluster ? LocalCluster.start(parallelism) : null;
        long started;
        JobClient job;
        try {
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.getExecutionEnvironment(DetectionPipeline.jobConfiguration());
            if (parallelism != null) {
                env.setParallelism(parallelism);
            }
            buildPipeline(env, config, files);
            started = System.nanoTime();
            if (cluster != null) {
                StreamGraph graph = env.getStreamGraph();
                graph.setJobName(JOB_NAME);
                job = cluster.submit(graph);
            } else {
                job = env.executeAsync(JOB_NAME);
            }
        } catch (Exception e) {
            if (cluster != null) {
                cluster.close();
            }
            throw e;
        }
        JobExecutionResult result = progress.follow(job, totalBytes, started);
        return RunSummary.of(new RunFigures(result.getAllAccumulatorResults()), (System.nanoTime() - started) / 1e9);
    }

    /**
     * The parallelism of a run in a cluster of its own: the command line's, else one task per core, except over less
     * than {@link #SMALL_RUN_BYTES}, where a second task per operator would cost more to start than it saves
     * (docs/performance.md, "Start-up").
     */
    static int ownClusterParallelism(JobConfig config, long inputBytes) {
        if (config.parallelism() != null) {
            return config.parallelism();
        }
        return inputBytes < SMALL_RUN_BYTES ? 1 : StreamExecutionEnvironment.getDefaultLocalParallelism();
    }

    private static void buildPipeline(StreamExecutionEnvironment env, JobConfig config, RunMode.Files files) {
        DataStream<InputRecord> activity = FileInputs.source(
                env, EventStream.ACTIVITY, files.activity(), config.parserLimits(), FileInputs.exportWatermarks());
        DataStream<InputRecord> process = FileInputs.source(
                env, EventStream.PROCESS, files.process(), config.parserLimits(), FileInputs.exportWatermarks());
        DetectionPipeline.build(
                activity,
                process,
                config.hostInventory(),
                SideTopics.none(),
                config.correlation(),
                config.alertTuning(true),
                config.parserLimits(),
                new FileSinks(files.alerts(), files.deadLetters()));
    }
}
