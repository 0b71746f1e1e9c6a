package io.github.rcdetect;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.FileInputs;
import io.github.rcdetect.io.NdjsonFileSink;
import io.github.rcdetect.io.OutputLine;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A run over NDJSON exports in a local Flink environment: files in, sorted NDJSON files out, then a summary. */
final class BoundedRun {
    private BoundedRun() {}

    static RunSummary run(JobConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration());
        if (config.parallelism() != null) {
            env.setParallelism(config.parallelism());
        }
        DataStream<InputRecord> activity =
                FileInputs.source(
                        env,
                        EventStream.ACTIVITY,
                        config.activityFiles(),
                        config.parserLimits(),
                        FileInputs.exportWatermarks());
        DataStream<InputRecord> process =
                FileInputs.source(
                        env,
                        EventStream.PROCESS,
                        config.processFiles(),
                        config.parserLimits(),
                        FileInputs.exportWatermarks());

        DetectionTopology.Outputs outputs =
                DetectionTopology.build(activity, process, config.invocationMaxSpan());

        outputs.alerts()
                .map(OutputLine::of)
                .name("alert lines")
                .uid("alert-lines")
                .sinkTo(
                        config.alertsFile() == null
                                ? NdjsonFileSink.toStandardOutput()
                                : NdjsonFileSink.toFile(config.alertsFile()))
                .name("alerts file")
                .uid("alerts-file")
                .setParallelism(1);
        outputs.deadLetters()
                .map(OutputLine::of)
                .name("dead-letter lines")
                .uid("dead-letter-lines")
                .sinkTo(
                        config.deadLetterFile() == null
                                ? NdjsonFileSink.toStandardError()
                                : NdjsonFileSink.toFile(config.deadLetterFile()))
                .name("dead-letter file")
                .uid("dead-letter-file")
                .setParallelism(1);
        // Exports carry no watermark until their end, so nothing can be late; kept visible all the same.
        outputs.lateRecords()
                .map(OutputLine::of)
                .name("late lines")
                .uid("late-lines")
                .sinkTo(NdjsonFileSink.toStandardError())
                .name("late records")
                .uid("late-records")
                .setParallelism(1);

        long started = System.nanoTime();
        JobExecutionResult result = env.execute("Azure Run Command detection over files");
        return RunSummary.of(result, (System.nanoTime() - started) / 1e9);
    }

    /** Every type must have a Flink serializer: a type that would fall back to Kryo fails the job at build time. */
    static Configuration flinkConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return configuration;
    }
}
