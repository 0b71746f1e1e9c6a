package io.github.rcdetect;

/**
 * Entry point. Reads the command line, then runs the detection between Kafka topics (with {@code
 * --bootstrap-servers}) or over files (a bounded run in a local Flink environment).
 */
public final class DetectionJob {
    private DetectionJob() {}

    public static void main(String[] args) throws Exception {
        if (JobConfig.wantsHelp(args)) {
            System.out.println(JobConfig.USAGE);
            return;
        }
        JobConfig config;
        try {
            config = JobConfig.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("detect: " + e.getMessage());
            System.err.println();
            System.err.println(JobConfig.USAGE);
            System.exit(2);
            return;
        }
        if (config.isStreaming()) {
            StreamingRun.run(config);
        } else {
            System.err.println(BoundedRun.run(config).line());
        }
    }
}
