package io.github.rcdetect.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * bin/flink-local as an operator meets it after a crash, without a cluster: which checkpoints it offers to resume
 * from, and what it refuses before anything reaches a cluster. The resume itself, on a real cluster, is
 * bin/cluster-demo's (CI runs it): a cluster and a broker take longer to start than a test should.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlinkLocalScriptITCase {
    private static final String JOB = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_JOB = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path home;

    @Test
    void checkpointsListsTheCompletedOnesOnDiskOldestFirst() throws Exception {
        Path older = checkpoint(JOB, 3, true, 1_000);
        checkpoint(JOB, 4, false, 2_000); // in progress or failed: no _metadata
        Path newer = checkpoint(OTHER_JOB, 1, true, 3_000);

        assertThat(run("checkpoints")).isEqualTo(new Result(0, older + "\n" + newer));
        assertThat(run("checkpoints", "--latest")).isEqualTo(new Result(0, newer.toString()));
        assertThat(run("checkpoints", JOB)).isEqualTo(new Result(0, older.toString()));
        assertThat(run("checkpoints", "--latest", JOB)).isEqualTo(new Result(0, older.toString()));
    }

    @Test
    void checkpointsSaysSoWhenThereIsNone() throws Exception {
        checkpoint(JOB, 4, false, 1_000);
        Result result = run("checkpoints", JOB);
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.output()).startsWith("flink-local: no retained checkpoints of job " + JOB);
        assertThat(run("checkpoints", "12345")).isEqualTo(new Result(1, "flink-local: not a job id: 12345"));
    }

    @Test
    void submitRefusesWhatIsNoSavepointOrCheckpointBeforeUploading() throws Exception {
        Path incomplete = checkpoint(JOB, 4, false, 1_000);
        Path jar = Files.writeString(home.resolve("job.jar"), "not uploaded");
        assertThat(run("submit", "--from", incomplete.toString(), jar.toString()))
                .isEqualTo(new Result(
                        1,
                        "flink-local: " + incomplete + " holds no _metadata: not a completed savepoint or checkpoint"));
        assertThat(run("submit", "--from", home.resolve("missing").toString(), jar.toString()))
                .isEqualTo(new Result(
                        1, "flink-local: no such savepoint or checkpoint directory: " + home.resolve("missing")));
        assertThat(run("submit", "--parallelism", "0", jar.toString()))
                .isEqualTo(new Result(1, "flink-local: --parallelism needs a positive whole number"));
    }

    @Test
    void startRefusesAPortAnotherProcessHolds() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run(Map.of("FLINK_LOCAL_RPC_PORT", String.valueOf(other.getLocalPort())), "start");
            assertThat(result)
                    .isEqualTo(new Result(
                            1,
                            "flink-local: port " + other.getLocalPort() + " is in use by another process; set"
                                    + " FLINK_LOCAL_REST_PORT, FLINK_LOCAL_RPC_PORT and FLINK_LOCAL_BLOB_PORT to free"
                                    + " ones"));
        }
    }

    /** A chk-N directory of a job under the state directory's checkpoints/, written at the given epoch second. */
    private Path checkpoint(String job, int id, boolean complete, long epochSecond) throws IOException {
        Path directory = Files.createDirectories(home.resolve("checkpoints/" + job + "/chk-" + id));
        Files.writeString(directory.resolve("state"), "state");
        if (complete) {
            Path metadata = Files.writeString(directory.resolve("_metadata"), "metadata");
            Files.setLastModifiedTime(metadata, FileTime.from(Instant.ofEpochSecond(epochSecond)));
        }
        return directory;
    }

    private record Result(int status, String output) {}

    private Result run(String... arguments) throws Exception {
        return run(Map.of(), arguments);
    }

    /** bin/flink-local with its state in the test's directory, on ports nobody uses, with the given variables. */
    private Result run(Map<String, String> variables, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bin/flink-local"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FLINK_LOCAL_HOME", home.toString());
        builder.environment().put("FLINK_LOCAL_REST_PORT", String.valueOf(freePort()));
        builder.environment().put("FLINK_LOCAL_RPC_PORT", String.valueOf(freePort()));
        builder.environment().put("FLINK_LOCAL_BLOB_PORT", String.valueOf(freePort()));
        builder.environment().putAll(variables);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output.strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
