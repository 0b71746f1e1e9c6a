package io.github.rcdetect.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.rcdetect.event.EventStream;
import io.github.rcdetect.event.InputRecord;
import io.github.rcdetect.event.Origin;
import io.github.rcdetect.output.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: parse a document, read a sample file. */
final class Parsing {
    static final Origin ACTIVITY_ORIGIN = Origin.ofFile(EventStream.ACTIVITY, "in.ndjson", 7);
    static final Origin PROCESS_ORIGIN = Origin.ofFile(EventStream.PROCESS, "in.ndjson", 7);

    private Parsing() {}

    static List<InputRecord> activity(String json) {
        return parse(EventStream.ACTIVITY, ParserLimits.defaults(), json.getBytes(StandardCharsets.UTF_8));
    }

    static List<InputRecord> process(String json) {
        return parse(EventStream.PROCESS, ParserLimits.defaults(), json.getBytes(StandardCharsets.UTF_8));
    }

    static List<InputRecord> parse(EventStream stream, ParserLimits limits, byte[] bytes) {
        List<InputRecord> records = new ArrayList<>();
        Origin origin = stream == EventStream.ACTIVITY ? ACTIVITY_ORIGIN : PROCESS_ORIGIN;
        RecordParser.forStream(stream, limits).parse(bytes, 0, bytes.length, origin, records::add);
        return records;
    }

    /** A file of the shared sample set, as text. */
    static String sample(String path) {
        try (InputStream in = Parsing.class.getResourceAsStream("/samples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a sample file that holds a JSON array of documents, each written as one line. */
    static List<String> sampleArray(String path) {
        try {
            List<String> documents = new ArrayList<>();
            for (JsonNode document : Json.MAPPER.readTree(sample(path))) {
                documents.add(Json.write(document));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
