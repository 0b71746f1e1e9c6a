package io.github.rcdetect.io;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes JSON documents to the job's log, one warning each: where dead letters and late records go when no topic is
 * configured for them, so that none is dropped silently. The documents are ASCII JSON, so their content cannot
 * break or forge a log line.
 */
public final class LogSink implements Sink<String> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LogSink.class);

    private final String kind;

    public LogSink(String kind) {
        this.kind = kind;
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(String document, Context context) {
                LOG.warn("{} {}", kind, document);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
