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
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
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
        Configuration configuration = DetectionPipeline.jobConfiguration();
        // The figures of the progress line come with the task managers' heartbeats.
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Progress.FIGURES_INTERVAL);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        if (config.parallelism() != null) {
            env.setParallelism(config.parallelism());
        }
        // Run by bin/detect: a cluster of its own, started now. Under a test cluster or `flink run`: theirs.
        LocalCluster cluster =
                env instanceof LocalStreamEnvironment ? LocalCluster.start(configuration, env.getParallelism()) : null;
        long totalBytes;
        long started;
        JobClient job;
        try {
            buildPipeline(env, config, files);
            totalBytes = 0;
            for (Path input : concat(files.activity(), files.process())) {
                totalBytes += Files.size(input);
            }
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
