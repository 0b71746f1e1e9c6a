package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.config.JobConfig;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** How a bounded run in a cluster of its own chooses its parallelism. */
class BoundedRunTest {
    private static JobConfig files(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "--activity";
        args[1] = "testdata/activity";
        args[2] = "--process";
        args[3] = "testdata/process";
        System.arraycopy(options, 0, args, 4, options.length);
        return JobConfig.fromArgs(args);
    }

    @Test
    void aSmallRunRunsEachOperatorOnce() {
        assertThat(BoundedRun.ownClusterParallelism(files(), 75_000)).isEqualTo(1);
        assertThat(BoundedRun.ownClusterParallelism(files(), BoundedRun.SMALL_RUN_BYTES - 1))
                .isEqualTo(1);
    }

    @Test
    void aLargerRunRunsOneTaskPerCore() {
        assertThat(BoundedRun.ownClusterParallelism(files(), BoundedRun.SMALL_RUN_BYTES))
                .isEqualTo(StreamExecutionEnvironment.getDefaultLocalParallelism());
    }

    @Test
    void theCommandLinesParallelismWinsAtAnySize() {
        assertThat(BoundedRun.ownClusterParallelism(files("--parallelism", "3"), 75_000))
                .isEqualTo(3);
        assertThat(BoundedRun.ownClusterParallelism(files("--parallelism", "1"), 10L << 30))
                .isEqualTo(1);
    }
}
