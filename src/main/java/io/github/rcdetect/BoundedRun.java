package io.github.rcdetect;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.io.file.FileInputs;
import io.github.rcdetect.io.file.NdjsonFileSink;
import io.github.rcdetect.io.file.OutputLine;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A run over NDJSON exports in a local Flink environment: files in, sorted NDJSON files out, then a summary. */
final class BoundedRun {
    private BoundedRun() {}

    static RunSummary run(JobConfig config) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(DetectionTopology.jobConfiguration());
        if (config.parallelism() != null) {
            env.setParallelism(config.parallelism());
        }
        DataStream<InputRecord> activity =
                FileInputs.source(
                        env,
                        EventStream.ACTIVITY,
                        config.exports().activity(),
                        config.parserLimits(),
                        FileInputs.exportWatermarks());
        DataStream<InputRecord> process =
                FileInputs.source(
                        env,
                        EventStream.PROCESS,
                        config.exports().process(),
                        config.parserLimits(),
                        FileInputs.exportWatermarks());

        DetectionTopology.Outputs outputs =
                DetectionTopology.build(activity, process, config.r1());

        outputs.alerts()
                .map(OutputLine::of)
                .name("alert lines")
                .uid("alert-lines")
                .sinkTo(
                        config.exports().alerts() == null
                                ? NdjsonFileSink.toStandardOutput()
                                : NdjsonFileSink.toFile(config.exports().alerts()))
                .name("alerts file")
                .uid("alerts-file")
                .setParallelism(1);
        outputs.deadLetters()
                .map(OutputLine::of)
                .name("dead-letter lines")
                .uid("dead-letter-lines")
                .sinkTo(
                        config.exports().deadLetters() == null
                                ? NdjsonFileSink.toStandardError()
                                : NdjsonFileSink.toFile(config.exports().deadLetters()))
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
}
