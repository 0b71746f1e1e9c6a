package io.github.rcdetect;

import org.apache.flink.configuration.ClusterOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.runtime.rpc.RpcSystem;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.FileUtils;
import org.apache.flink.util.Reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The local Flink cluster of a bounded run, as Flink's local environment would start it, but started while the
 * pipeline is being built (about a second each on two cores, now side by side) and closed without waiting once the
 * job has ended: the job's outputs are complete then, and the process is about to exit. Since that orderly shutdown
 * never finishes, the cluster keeps its files (working directories, blobs, spills) in one temporary directory of the
 * run's own, which the JVM deletes as it exits, however the run ends.
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
            String files = filesDirectory().toString();
            configuration.set(ClusterOptions.PROCESS_WORKING_DIR_BASE, files);
            configuration.set(CoreOptions.TMP_DIRS, files);
            configuration.set(WebOptions.UPLOAD_DIR, files);
            configuration.set(RestOptions.BIND_PORT, "0");
            // The figures of the progress line come with the task manager's heartbeats.
            configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Progress.FIGURES_INTERVAL);
            MiniCluster cluster = new MiniCluster(
                    new MiniClusterConfiguration.Builder()
                            .setConfiguration(configuration)
                            .setNumTaskManagers(1)
                            .setNumSlotsPerTaskManager(slots)
                            .setRpcServiceSharing(RpcServiceSharing.SHARED)
                            .build(),
                    () -> Reference.owned(rpcSystem(configuration)));
            try {
                cluster.start();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
            return cluster;
        }));
    }

    /** A new temporary directory, deleted with what it holds when the JVM exits. */
    private static Path filesDirectory() {
        Path directory;
        try {
            directory = Files.createTempDirectory("rcdetect-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> FileUtils.deleteDirectoryQuietly(directory.toFile()), "delete the cluster's files"));
        return directory;
    }

    /**
     * The RPC system from the class path when it is there, else as Flink loads it. Flink's loader copies the RPC
     * system's 21 MB jar out of its own on every start and loads it in a class loader of its own, which costs a
     * bounded run some 0.2 s and keeps those classes out of the class-data archive; {@code bin/detect} extracts that
     * jar once per build and puts it on the class path (docs/performance.md, "Start-up").
     */
    private static RpcSystem rpcSystem(Configuration configuration) {
        return ServiceLoader.load(RpcSystem.class, LocalCluster.class.getClassLoader())
                .findFirst()
                .orElseGet(() -> RpcSystem.load(configuration));
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
