package io.github.rcdetect.io.file;

import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands out line range splits while the files are still being planned: the first split of a big file goes to a
 * reader as soon as its end is found, instead of after a pass over the whole file (a second or more per 1.6 GB on two
 * cores), so readers and planner run side by side.
 *
 * <p>Everything but the planning runs in the coordinator thread; the planner, in one of the context's worker
 * threads, hands each split over through {@link SplitEnumeratorContext#runInCoordinatorThread}. A checkpoint holds
 * the splits not handed out yet and what is not planned yet, as splits (the rest of a file from the planner's
 * position, whose first line it knows; files not started); a restored enumerator hands them all out as they are.
 */
final class PlanningSplitEnumerator
        implements SplitEnumerator<LineRangeSplit, PendingSplitsCheckpoint<LineRangeSplit>> {
    private final SplitEnumeratorContext<LineRangeSplit> context;
    private final LineAlignedSplitter splitter;
    private final Deque<LineRangeSplit> ready = new ArrayDeque<>();
    /** By file number: what of each file is not planned yet; empty once planning has ended. */
    private final Map<String, LineRangeSplit> unplanned = new LinkedHashMap<>();

    private final Set<Integer> waiting = new LinkedHashSet<>();
    private boolean planning;

    private PlanningSplitEnumerator(
            SplitEnumeratorContext<LineRangeSplit> context,
            LineAlignedSplitter splitter,
            List<LineRangeSplit> toPlan,
            List<LineRangeSplit> planned) {
        this.context = context;
        this.splitter = splitter;
        toPlan.forEach(file -> unplanned.put(file.file(), file));
        ready.addAll(planned);
    }

    /** Plans these paths' files from the start. */
    static PlanningSplitEnumerator forFiles(
            SplitEnumeratorContext<LineRangeSplit> context, LineAlignedSplitter splitter, Path[] paths)
            throws IOException {
        return new PlanningSplitEnumerator(context, splitter, LineAlignedSplitter.wholeFiles(paths), List.of());
    }

    /** Hands out a checkpoint's splits as they are. */
    static PlanningSplitEnumerator restored(
            SplitEnumeratorContext<LineRangeSplit> context, PendingSplitsCheckpoint<LineRangeSplit> checkpoint) {
        return new PlanningSplitEnumerator(context, null, List.of(), List.copyOf(checkpoint.getSplits()));
    }

    @Override
    public void start() {
        if (unplanned.isEmpty()) {
            return;
        }
        planning = true;
        List<LineRangeSplit> files = List.copyOf(unplanned.values());
        int slots = Math.max(1, context.currentParallelism());
        context.callAsync(
                () -> {
                    for (LineRangeSplit file : files) {
                        splitter.plan(
                                file,
                                slots,
                                (split, rest) -> context.runInCoordinatorThread(() -> planned(split, rest)));
                    }
                    return null;
                },
                (ignored, failure) -> {
                    if (failure != null) {
                        throw new IllegalStateException("cannot plan the splits of the input files", failure);
                    }
                    // Runs after every split the planner handed over: they were queued to this thread before.
                    planning = false;
                    waiting.forEach(context::signalNoMoreSplits);
                    waiting.clear();
                });
    }

    private void planned(LineRangeSplit split, LineRangeSplit rest) {
        if (rest == null) {
            unplanned.remove(split.file());
        } else {
            unplanned.put(split.file(), rest);
        }
        ready.add(split);
        serveWaiting();
    }

    @Override
    public void handleSplitRequest(int subtask, String hostname) {
        waiting.add(subtask);
        serveWaiting();
    }

    private void serveWaiting() {
        var readers = waiting.iterator();
        while (readers.hasNext()) {
            int subtask = readers.next();
            if (!context.registeredReaders().containsKey(subtask)) {
                readers.remove(); // gone; it asks again when it comes back
            } else if (!ready.isEmpty()) {
                context.assignSplit(ready.poll(), subtask);
                readers.remove();
            } else if (!planning) {
                context.signalNoMoreSplits(subtask);
                readers.remove();
            }
        }
    }

    @Override
    public void addSplitsBack(List<LineRangeSplit> splits, int subtaskId) {
        splits.forEach(ready::addFirst);
        serveWaiting();
    }

    @Override
    public void addReader(int subtaskId) {
        // Readers ask for splits themselves.
    }

    @Override
    public PendingSplitsCheckpoint<LineRangeSplit> snapshotState(long checkpointId) {
        List<LineRangeSplit> pending = new ArrayList<>(ready);
        pending.addAll(unplanned.values());
        return PendingSplitsCheckpoint.fromCollectionSnapshot(pending);
    }

    @Override
    public void close() {
        // The planner stops with the context's worker threads.
    }
}
