package io.github.rcdetect;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.config.RunMode;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.file.FileInputs;
import io.github.rcdetect.io.file.FileSinks;
import io.github.rcdetect.pipeline.DetectionPipeline;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A run over NDJSON exports in a local Flink environment: files in, sorted NDJSON files out, then a summary. */
final class BoundedRun {
    private BoundedRun() {}

    static RunSummary run(JobConfig config) throws Exception {
        if (!(config.mode() instanceof RunMode.Files files)) {
            throw new IllegalArgumentException("not a bounded run's configuration: " + config.mode());
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
                null,
                config.correlation(),
                config.alertTuning(true),
                new FileSinks(files.alerts(), files.deadLetters()));

        long started = System.nanoTime();
        JobExecutionResult result = env.execute("Azure Run Command detection over files");
        return RunSummary.of(result, (System.nanoTime() - started) / 1e9);
    }
}
