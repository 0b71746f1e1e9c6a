package io.github.rcdetect.reference;

import io.github.rcdetect.testing.TestClusters;

import org.apache.flink.test.util.MiniClusterWithClientResource;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The test MiniCluster for a jqwik container, which runs no JUnit Jupiter extensions (so no MiniClusterExtension and
 * no {@code @Timeout}): started and stopped by the container's hooks, every job run bounded in time.
 */
public final class PropertyCluster {
    private final MiniClusterWithClientResource cluster = new MiniClusterWithClientResource(TestClusters.withSlots(2));

    public void start() throws Exception {
        cluster.before();
    }

    public void stop() {
        cluster.after();
    }

    /** Runs {@code run} (one or more jobs), cancelling every job and failing if it takes longer than {@code limit}. */
    public <T> T within(Duration limit, Callable<T> run) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<T> result = executor.submit(run);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cluster.cancelAllJobs();
            result.cancel(true);
            throw new AssertionError("the job run took longer than " + limit, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            executor.shutdownNow();
        }
    }
}
