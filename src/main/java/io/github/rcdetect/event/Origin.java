package io.github.rcdetect.event;

import java.util.Objects;

/**
 * Where a record was read: a file and line, or a Kafka topic, partition and offset, plus its index when it came out
 * of an Event Hub {@code {"records":[...]}} batch.
 */
public class Origin {
    public EventStream stream;
    public String file;
    public Long line;
    public String topic;
    public Integer partition;
    public Long offset;
    /** Position inside an Event Hub batch message; null for a bare record. */
    public Integer recordIndex;

    public Origin() {}

    public static Origin ofFile(EventStream stream, String file, long line) {
        Origin origin = new Origin();
        origin.stream = stream;
        origin.file = file;
        origin.line = line;
        return origin;
    }

    public static Origin ofKafka(EventStream stream, String topic, int partition, long offset) {
        Origin origin = new Origin();
        origin.stream = stream;
        origin.topic = topic;
        origin.partition = partition;
        origin.offset = offset;
        return origin;
    }

    /** This origin narrowed to one record of a batch message. */
    public Origin withRecordIndex(int index) {
        Origin origin = new Origin();
        origin.stream = stream;
        origin.file = file;
        origin.line = line;
        origin.topic = topic;
        origin.partition = partition;
        origin.offset = offset;
        origin.recordIndex = index;
        return origin;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Origin)) {
            return false;
        }
        Origin that = (Origin) o;
        return stream == that.stream
                && Objects.equals(file, that.file)
                && Objects.equals(line, that.line)
                && Objects.equals(topic, that.topic)
                && Objects.equals(partition, that.partition)
                && Objects.equals(offset, that.offset)
                && Objects.equals(recordIndex, that.recordIndex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, file, line, topic, partition, offset, recordIndex);
    }

    @Override
    public String toString() {
        String where = file != null ? file + ":" + line : topic + "/" + partition + "@" + offset;
        return stream.id() + " " + where + (recordIndex != null ? " records[" + recordIndex + "]" : "");
    }
}
