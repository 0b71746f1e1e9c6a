package io.github.rcdetect.testing;

import io.github.rcdetect.io.LogSink;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.io.IOException;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes documents through the real {@link LogSink} and reads back what log4j made of each, in the layout of the
 * cluster's log (local/flink-log4j2.properties). Only this capture receives LogSink's events while installed.
 */
public final class LogSinkCapture {
    private static final String LAYOUT = "%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n";
    private static final String KIND = "dead letter";
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} WARN  io\\.github\\.rcdetect\\.io\\.LogSink +\\[\\] - "
                    + KIND
                    + " ([^\\n]*)\\n");

    private final StringWriter captured = new StringWriter();
    private final SinkWriter<String> writer;

    private LogSinkCapture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("log-sink-capture")
                .setTarget(captured)
                .setLayout(PatternLayout.newBuilder()
                        .withPattern(LAYOUT)
                        .withConfiguration(configuration)
                        .build())
                .build();
        appender.start();
        LoggerConfig logger = new LoggerConfig(LogSink.class.getName(), Level.WARN, false);
        logger.addAppender(appender, Level.WARN, null);
        configuration.addLogger(LogSink.class.getName(), logger);
        context.updateLoggers();
        writer = new LogSink(KIND).createWriter(null);
    }

    private static LogSinkCapture installed;

    /** The capture of this JVM, installed on first use. */
    public static synchronized LogSinkCapture install() {
        if (installed == null) {
            installed = new LogSinkCapture();
        }
        return installed;
    }

    /**
     * Logs one document and returns the message part of the one line it became; fails when it became anything but
     * exactly one line of the expected shape (no second line, no CR, no Unicode line separator).
     */
    public synchronized String logOne(String document) {
        captured.getBuffer().setLength(0);
        try {
            writer.write(document, null);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        String text = captured.toString();
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\n'
                    || c == '\r'
                    || c == '\u2028'
                    || c == '\u2029'
                    || c == '\u0085'
                    || c == '\u000b'
                    || c == '\f') {
                throw new AssertionError(String.format(
                        "log output breaks at index %d (U+%04X): %s", i, (int) c, OutputLines.clip(text)));
            }
        }
        Matcher line = LINE.matcher(text);
        if (!line.matches()) {
            throw new AssertionError("log output is not one LogSink line: " + OutputLines.clip(text));
        }
        return line.group(1);
    }
}
