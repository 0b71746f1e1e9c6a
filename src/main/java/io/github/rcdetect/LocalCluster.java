package io.github.rcdetect;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The local Flink cluster of a bounded run, as Flink's local environment would start it, but started while the
 * pipeline is being built (about a second each on two cores, now side by side) and closed without waiting once the
 * job has ended: the job's outputs are complete then, and the process is about to exit.
 */
final class LocalCluster {
    private final CompletableFuture<MiniCluster> cluster;

    private LocalCluster(CompletableFuture<MiniCluster> cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts, in the background, one task manager with {@code slots} slots. Even the configuration is made there: its
     * classes take a tenth of a second to load, which the pipeline being built meanwhile need not wait for.
     */
    static LocalCluster start(int slots) {
        return new LocalCluster(CompletableFuture.supplyAsync(() -> {
            Configuration configuration = new Configuration();
            configuration.set(RestOptions.BIND_PORT, "0");
            // The figures of the progress line come with the task manager's heartbeats.
            configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Progress.FIGURES_INTERVAL);
            MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                    .setConfiguration(configuration)
                    .setNumTaskManagers(1)
                    .setNumSlotsPerTaskManager(slots)
                    .setRpcServiceSharing(RpcServiceSharing.SHARED)
                    .build());
            try {
                cluster.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
            return cluster;
        }));
    }

    /** Submits the job once the cluster is up; the cluster closes in the background when the job ends. */
    JobClient submit(StreamGraph job) throws Exception {
        MiniCluster started = unwrap(() -> cluster.join());
        var submitted = unwrap(() -> started.submitJob(job).join());
        MiniClusterJobClient client = new MiniClusterJobClient(
                submitted.getJobID(),
                started,
                Thread.currentThread().getContextClassLoader(),
                MiniClusterJobClient.JobFinalizationBehavior.NOTHING);
        client.getJobExecutionResult().whenComplete((result, failure) -> started.closeAsync());
        return client;
    }

    /** Closes the cluster without waiting, when no job will come (the run failed before submitting it). */
    void close() {
        cluster.thenAccept(MiniCluster::closeAsync);
    }

    private interface Step<T> {
        T run();
    }

    /** The failure behind a future's {@link CompletionException}, as the run reports it. */
    private static <T> T unwrap(Step<T> step) throws Exception {
        try {
            return step.run();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
