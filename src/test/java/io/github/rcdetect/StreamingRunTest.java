package io.github.rcdetect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rcdetect.config.JobConfig;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/** The streaming job's environment: how it restarts after a failure. */
class StreamingRunTest {
    private static final JobConfig CONFIG = JobConfig.fromArgs(new String[] {
        "--bootstrap-servers", "127.0.0.1:9092",
        "--activity-topic", "activity",
        "--process-topic", "process",
        "--alerts-topic", "alerts"
    });

    @Test
    void restartsWithoutLimitAndAtMostAMinuteApart() {
        ReadableConfig job =
                StreamingRun.environment(CONFIG, new Configuration()).getConfiguration();
        assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS))
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aRestartStrategyTheJobIsSubmittedWithWins() {
        Configuration submitted = new Configuration();
        submitted.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        submitted.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        ReadableConfig job = StreamingRun.environment(CONFIG, submitted).getConfiguration();
        assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
        assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS))
                .isEqualTo(3);
        assertThat(job.getOptional(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEmpty();
    }
}
