package io.github.rcdetect.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** bin/kafka-local as a user meets it: a port another process holds is refused, not reported as a running broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaLocalScriptITCase {
    @Test
    void startRefusesAPortAnotherProcessHolds() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessBuilder start = new ProcessBuilder("bin/kafka-local", "start").redirectErrorStream(true);
            start.environment().put("KAFKA_LOCAL_PORT", String.valueOf(other.getLocalPort()));
            Process process = start.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output.strip())
                    .isEqualTo("kafka-local: port " + other.getLocalPort() + " is in use by another process; set"
                            + " KAFKA_LOCAL_PORT and KAFKA_LOCAL_CONTROLLER_PORT to free ones");
        }
    }
}
