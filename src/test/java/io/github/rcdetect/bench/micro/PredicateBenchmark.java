package io.github.rcdetect.bench.micro;

import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.event.ProcessEvent;
import io.github.rcdetect.parse.ParserLimits;
import io.github.rcdetect.parse.RecordParser;
import io.github.rcdetect.rules.Rule;
import io.github.rcdetect.rules.registry.Rules;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Process events per second through each rule's process condition, on the 99 %-noise and the 10 % stress mix. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MixedLoad.LINES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredicateBenchmark {
    @Param({"0.01", "0.10"})
    public double matchFraction;

    /** A rule of the registry, by id. */
    @Param({"R1", "R2"})
    public String ruleId;

    private ProcessEvent[] events;
    private Rule rule;

    @Setup
    public void parse() {
        RecordParser parser = RecordParser.forStream(EventStream.PROCESS, ParserLimits.defaults());
        List<InputRecord> records = new ArrayList<>();
        for (byte[] line : new MixedLoad(matchFraction).process) {
            parser.parse(line, 0, line.length, Origin.ofFile(EventStream.PROCESS, "bench", 1), records::add);
        }
        events = records.stream().map(record -> record.process).toArray(ProcessEvent[]::new);
        rule = Rules.ALL.stream()
                .filter(candidate -> candidate.metadata().id().equals(ruleId))
                .findFirst()
                .orElseThrow();
    }

    @Benchmark
    public int readsProcess() {
        int matches = 0;
        for (ProcessEvent event : events) {
            matches += rule.readsProcess(event) ? 1 : 0;
        }
        return matches;
    }
}
