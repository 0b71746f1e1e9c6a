package io.github.rcdetect;

import io.github.rcdetect.config.JobConfig;
import io.github.rcdetect.config.Options;
import io.github.rcdetect.config.RunMode;
import io.github.rcdetect.domain.RunAsPasswords;

/**
 * Entry point. Reads the command line, then runs the detection between Kafka topics (with {@code
 * --bootstrap-servers}) or over files (a bounded run in a local Flink environment).
 */
public final class DetectionJob {
    private DetectionJob() {}

    public static void main(String[] args) throws Exception {
        if (JobConfig.wantsHelp(args)) {
            System.out.println(Options.usage());
            return;
        }
        JobConfig config;
        try {
            config = JobConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("detect: " + e.getMessage());
            System.err.println();
            System.err.println(Options.usage());
            System.exit(2);
            return;
        }
        try {
            if (config.mode() instanceof RunMode.Kafka) {
                StreamingRun.run(config);
            } else {
                System.err.println(BoundedRun.run(config).line());
                // The outputs are written; the local cluster's orderly shutdown would only delay the exit.
                System.exit(0);
            }
        } catch (Exception e) {
            if (config.verbose()) {
                e.printStackTrace();
            }
            System.err.println("detect: " + RunAsPasswords.redact(Failures.describe(e)));
            System.exit(1);
        }
    }
}
