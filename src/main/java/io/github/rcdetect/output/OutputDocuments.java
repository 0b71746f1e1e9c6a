package io.github.rcdetect.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.rcdetect.event.DeadLetter;
import io.github.rcdetect.event.Iso8601;
import io.github.rcdetect.event.LateRecord;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The JSON documents of the dead-letter and late-data outputs. */
public final class OutputDocuments {
    private OutputDocuments() {}

    /**
     * A dead letter: the error, where the record came from, and its original bytes, as text when they are UTF-8 and
     * as base64 otherwise, possibly truncated to the dead-letter bound.
     */
    public static String deadLetter(DeadLetter deadLetter) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        ObjectNode error = doc.putObject("error");
        error.put("type", deadLetter.errorType.id());
        error.put("message", deadLetter.errorMessage);
        ObjectNode origin = doc.putObject("origin");
        origin.put("stream", deadLetter.origin.stream.id());
        EcsFields.putOrigin(origin, deadLetter.origin);
        String text = utf8(deadLetter.original);
        doc.put("original", text != null ? text : Base64.getEncoder().encodeToString(deadLetter.original));
        doc.put("original_encoding", text != null ? "utf-8" : "base64");
        doc.put("original_bytes", deadLetter.originalLength);
        doc.put("original_truncated", deadLetter.original.length < deadLetter.originalLength);
        return Json.write(doc);
    }

    /** A late record: the event in ECS fields, where it came from, and why it is here. */
    public static String lateRecord(LateRecord late) {
        EcsDocument doc = new EcsDocument();
        if (late.activity != null) {
            doc.put("@timestamp", Iso8601.format(late.activity.timestamp))
                    .put("event.id", late.activity.eventId)
                    .put("host.name", late.activity.hostKey);
            EcsFields.putActivity(doc, late.activity);
        } else {
            doc.put("@timestamp", Iso8601.format(late.process.timestamp))
                    .put("event.id", late.process.eventId)
                    .put("event.action", late.process.eventAction)
                    .put("host.name", late.process.hostName)
                    .put("cloud.instance.name", late.process.cloudInstanceName);
            EcsFields.putProcess(doc, late.process);
        }
        ObjectNode origin = doc.node().putObject("origin");
        origin.put("stream", late.stream().id());
        EcsFields.putOrigin(origin, late.activity != null ? late.activity.origin : late.process.origin);
        doc.put("late.reason", "arrived after the watermark had passed its time; R1 could not correlate it");
        return doc.toJson();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
