package io.github.rcdetect;

/**
 * Entry point. Reads the command line and runs the detection over files (a bounded run in a local Flink
 * environment).
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
        RunSummary summary = BoundedRun.run(config);
        System.err.println(summary.line());
    }
}
