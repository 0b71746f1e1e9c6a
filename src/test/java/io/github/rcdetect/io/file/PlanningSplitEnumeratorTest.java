package io.github.rcdetect.io.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.connector.file.src.PendingSplitsCheckpointSerializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

class PlanningSplitEnumeratorTest {
    private static final long SPLIT_BYTES = 2_000;

    @TempDir
    java.nio.file.Path directory;

    @Test
    void aWaitingReaderGetsTheFirstSplitWhileTheRestOfTheFileIsNotPlannedYet() throws Exception {
        Context context = new Context(2);
        PlanningSplitEnumerator enumerator = enumerator(context, file("big.ndjson", 100));
        enumerator.start();
        enumerator.handleSplitRequest(0, null);
        assertThat(context.assigned).isEmpty();

        List<String> seenAtFirstHandOver = new ArrayList<>();
        context.onEachHandOver = () -> {
            if (seenAtFirstHandOver.isEmpty()) {
                seenAtFirstHandOver.add(describe(context.assigned.get(0)));
                seenAtFirstHandOver.addAll(describe(enumerator.snapshotState(1).getSplits()));
            }
        };
        context.runPlanner();

        List<LineRangeSplit> expected = LineAlignedSplitterTest.splits(SPLIT_BYTES, directory.resolve("big.ndjson"));
        LineRangeSplit first = expected.get(0);
        LineRangeSplit second = expected.get(1);
        assertThat(seenAtFirstHandOver)
                .containsExactly(
                        describe(first),
                        // Nothing ready besides it, and the rest of the file from the second split's start and line.
                        second.offset() + "+" + (first.fileSize() - second.offset()) + "@" + second.firstLine());
    }

    @Test
    void readersAskingInTurnGetEverySplitOnceThenNoMoreSplits() throws Exception {
        Context context = new Context(2);
        PlanningSplitEnumerator enumerator =
                enumerator(context, file("a.ndjson", 60), file("b.ndjson", 3), file("c.ndjson", 80));
        enumerator.start();
        enumerator.handleSplitRequest(0, null);
        enumerator.handleSplitRequest(1, null);
        context.runPlanner();
        for (int request = 0; request < 100 && context.finished.size() < 2; request++) {
            enumerator.handleSplitRequest(request % 2, null);
        }

        List<LineRangeSplit> expected = new ArrayList<>();
        for (String name : List.of("a.ndjson", "b.ndjson", "c.ndjson")) {
            expected.addAll(LineAlignedSplitterTest.splits(SPLIT_BYTES, directory.resolve(name)));
        }
        assertThat(describe(context.assigned)).containsExactlyInAnyOrderElementsOf(describe(expected));
        assertThat(context.finished).containsExactlyInAnyOrder(0, 1);
    }

    /** A checkpoint taken half-way through planning: the restored splits and those handed out hold every record. */
    @Test
    void aCheckpointTakenWhilePlanningRestoresEveryRecordNotHandedOutOnce() throws Exception {
        java.nio.file.Path file = file("big.ndjson", 100);
        Context context = new Context(1);
        PlanningSplitEnumerator enumerator = enumerator(context, file);
        enumerator.start();
        enumerator.handleSplitRequest(0, null);
        List<PendingSplitsCheckpoint<LineRangeSplit>> checkpoints = new ArrayList<>();
        context.onEachHandOver = () -> {
            if (context.handOvers == 3) {
                checkpoints.add(enumerator.snapshotState(1));
            }
        };
        context.runPlanner();
        List<LineRangeSplit> handedOutBefore = List.copyOf(context.assigned);

        PendingSplitsCheckpointSerializer<LineRangeSplit> serializer =
                new PendingSplitsCheckpointSerializer<>(LineRangeSplitSerializer.INSTANCE);
        PendingSplitsCheckpoint<LineRangeSplit> checkpoint =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(checkpoints.get(0)));
        Context after = new Context(1);
        PlanningSplitEnumerator restored = PlanningSplitEnumerator.restored(after, checkpoint);
        restored.start();
        while (after.finished.isEmpty()) {
            restored.handleSplitRequest(0, null);
        }

        List<LineRangeSplit> all = new ArrayList<>(handedOutBefore);
        all.addAll(after.assigned);
        all.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        assertThat(handedOutBefore).hasSize(1);
        assertThat(LineAlignedSplitterTest.read(all))
                .containsExactlyElementsOf(
                        LineAlignedSplitterTest.read(LineAlignedSplitterTest.splits(Long.MAX_VALUE, file)));
    }

    @Test
    void splitsGivenBackGoToTheNextReaderThatAsks() throws Exception {
        Context context = new Context(2);
        PlanningSplitEnumerator enumerator = enumerator(context, file("small.ndjson", 1));
        enumerator.start();
        context.runPlanner();
        enumerator.handleSplitRequest(0, null);
        LineRangeSplit split = context.assigned.get(0);

        enumerator.addSplitsBack(List.of(split), 0);
        enumerator.handleSplitRequest(1, null);

        assertThat(context.assigned).hasSize(2);
        assertThat(describe(context.assigned.get(1))).isEqualTo(describe(split));
        enumerator.handleSplitRequest(1, null);
        assertThat(context.finished).containsExactly(1);
    }

    private PlanningSplitEnumerator enumerator(Context context, java.nio.file.Path... files) throws IOException {
        Path[] paths = new Path[files.length];
        for (int i = 0; i < files.length; i++) {
            paths[i] = Path.fromLocalFile(files[i].toFile());
        }
        return PlanningSplitEnumerator.forFiles(context, new LineAlignedSplitter(SPLIT_BYTES), paths);
    }

    /** A file of testdata/'s process events, {@code copies} times over, with a line that is not JSON. */
    private java.nio.file.Path file(String name, int copies) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> events = Files.readAllLines(java.nio.file.Path.of("testdata/process/2-defend-linux.ndjson"));
        for (int i = 0; i < copies; i++) {
            lines.add(events.get(i % events.size()));
        }
        lines.add("{not json");
        return Files.write(directory.resolve(name), lines);
    }

    private static String describe(LineRangeSplit split) {
        return split.offset() + "+" + split.length() + "@" + split.firstLine();
    }

    private static List<String> describe(java.util.Collection<LineRangeSplit> splits) {
        return splits.stream().map(PlanningSplitEnumeratorTest::describe).toList();
    }

    /**
     * The enumerator's context, synchronous: the planner runs when the test says so, in the test's thread, and each
     * split it hands over to the coordinator thread is taken at once, so the test sees the state between two.
     */
    private static final class Context implements SplitEnumeratorContext<LineRangeSplit> {
        final Map<Integer, ReaderInfo> readers = new HashMap<>();
        final List<LineRangeSplit> assigned = new ArrayList<>();
        final Set<Integer> finished = new HashSet<>();
        Runnable onEachHandOver = () -> {};
        int handOvers;
        private Callable<?> planner;
        private BiConsumer<Object, Throwable> whenPlanned;

        Context(int readerCount) {
            for (int i = 0; i < readerCount; i++) {
                readers.put(i, new ReaderInfo(i, "localhost"));
            }
        }

        @SuppressWarnings("unchecked")
        void runPlanner() {
            Object result = null;
            Throwable failure = null;
            try {
                result = planner.call();
            } catch (Throwable t) {
                failure = t;
            }
            whenPlanned.accept(result, failure);
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            runnable.run();
            handOvers++;
            onEachHandOver.run();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            planner = callable;
            whenPlanned = (BiConsumer<Object, Throwable>) handler;
        }

        @Override
        public <T> void callAsync(
                Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
            throw new UnsupportedOperationException("the enumerator plans once");
        }

        @Override
        public void assignSplits(SplitsAssignment<LineRangeSplit> assignment) {
            assignment.assignment().values().forEach(assigned::addAll);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            finished.add(subtask);
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return readers;
        }

        @Override
        public int currentParallelism() {
            return readers.size();
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            return UnregisteredMetricsGroup.createSplitEnumeratorMetricGroup();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            throw new UnsupportedOperationException("the enumerator sends no events");
        }
    }
}
