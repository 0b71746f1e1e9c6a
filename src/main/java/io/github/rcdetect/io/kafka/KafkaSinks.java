package io.github.rcdetect.io.kafka;

import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.LateRecord;
import io.github.rcdetect.io.LogSink;
import io.github.rcdetect.io.Sinks;
import io.github.rcdetect.output.AlertDocument;
import io.github.rcdetect.output.OutputDocuments;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of the streaming job: alerts to their topic, exactly once; dead letters and late records to theirs, or
 * to the job's log when no topic is configured for them, so that none is dropped.
 */
public final class KafkaSinks implements Sinks {
    private final KafkaSettings kafka;

    public KafkaSinks(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    @Override
    public void alerts(DataStream<AlertDocument> alerts) {
        alerts.sinkTo(KafkaOutputs.alerts(kafka)).name("alerts topic").uid("alerts-kafka-sink");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> deadLetters) {
        documents(
                deadLetters
                        .map(OutputDocuments::deadLetter)
                        .name("dead-letter documents")
                        .uid("dead-letter-documents"),
                kafka.deadLetterTopic(),
                "dead-letters");
    }

    @Override
    public void lateRecords(DataStream<LateRecord> lateRecords) {
        documents(
                lateRecords
                        .map(OutputDocuments::lateRecord)
                        .name("late documents")
                        .uid("late-documents"),
                kafka.lateTopic(),
                "late");
    }

    private void documents(DataStream<String> documents, String topic, String purpose) {
        if (topic != null) {
            documents
                    .sinkTo(KafkaOutputs.documents(kafka, topic, purpose))
                    .name(purpose + " topic")
                    .uid(purpose + "-kafka-sink");
        } else {
            documents.sinkTo(new LogSink(purpose)).name(purpose + " log").uid(purpose + "-log-sink");
        }
    }
}
