package io.github.rcdetect.bench.micro;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.parse.RecordParser;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Records per second of the job's parsers (the detection's, which leaves noise mostly unread, and the one that reads
 * every event in full) against a full Jackson tree parse of the same lines.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MixedLoad.LINES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
    private final MixedLoad load = new MixedLoad(0.01);
    private final RecordParser processParser = RecordParser.forDetection(EventStream.PROCESS, ParserLimits.defaults());
    private final RecordParser activityParser =
            RecordParser.forDetection(EventStream.ACTIVITY, ParserLimits.defaults());
    private final RecordParser processEvents = RecordParser.forStream(EventStream.PROCESS, ParserLimits.defaults());
    private final Origin processOrigin = Origin.ofFile(EventStream.PROCESS, "bench", 1);
    private final Origin activityOrigin = Origin.ofFile(EventStream.ACTIVITY, "bench", 1);
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory tokens = new JsonFactory();

    @Benchmark
    public void processRecords(Blackhole out) {
        for (byte[] line : load.process) {
            processParser.parse(line, 0, line.length, processOrigin, out::consume);
        }
    }

    @Benchmark
    public void processEveryEvent(Blackhole out) {
        for (byte[] line : load.process) {
            processEvents.parse(line, 0, line.length, processOrigin, out::consume);
        }
    }

    @Benchmark
    public void processJacksonTree(Blackhole out) throws IOException {
        for (byte[] line : load.process) {
            out.consume(mapper.readTree(line));
        }
    }

    /** The floor of any Jackson-based reading: every token visited, no text or number turned into a value. */
    @Benchmark
    public void processTokensOnly(Blackhole out) throws IOException {
        for (byte[] line : load.process) {
            try (JsonParser parser = tokens.createParser(line)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    out.consume(token);
                }
            }
        }
    }

    @Benchmark
    public void activityRecords(Blackhole out) {
        for (byte[] line : load.activity) {
            activityParser.parse(line, 0, line.length, activityOrigin, out::consume);
        }
    }

    @Benchmark
    public void activityJacksonTree(Blackhole out) throws IOException {
        for (byte[] line : load.activity) {
            out.consume(mapper.readTree(line));
        }
    }
}
