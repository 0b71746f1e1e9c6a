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
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A run over NDJSON exports in a local Flink environment: files in, sorted NDJSON files out, then a summary. */
final class BoundedRun {
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

    static RunSummary run(JobConfig config) throws Exception {
        if (!(config.mode() instanceof RunMode.Files files)) {
            throw new IllegalArgumentException("not a bounded run's configuration: " + config.mode());
        }
        for (Path output : new Path[] {files.alerts(), files.deadLetters()}) {
            createFolderOf(output);
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(DetectionPipeline.jobConfiguration());
        if (config.parallelism() != null) {
            env.setParallelism(config.parallelism());
        }
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

        long started = System.nanoTime();
        JobExecutionResult result = env.execute("Azure Run Command detection over files");
        return RunSummary.of(result, (System.nanoTime() - started) / 1e9);
    }
}
