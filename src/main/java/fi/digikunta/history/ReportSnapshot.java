package fi.digikunta.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The part of a report.json that the since-the-previous-run section compares: its core shape
 * only ({@code files[].file/outcome/municipality_code/round/reason.code},
 * {@code municipalities[].code/round/index/level/savings/areas[].area/index/level/savings}), so that
 * the rest of the document can grow without breaking the comparison. Numbers are kept as the
 * decimal text had them (no binary rounding), so equal text compares equal.
 *
 * @param files by file name, in document order
 * @param municipalities by code, in document order
 */
public record ReportSnapshot(String generatedAt, Map<String, FileRow> files,
        Map<String, MunicipalityRow> municipalities) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    public ReportSnapshot {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        municipalities = Collections.unmodifiableMap(new LinkedHashMap<>(municipalities));
    }

    /**
     * One file's outcome. reasonCode is {@code reason.code}, null when there is no reason; round is
     * null when the file has none or the snapshot was made before rounds; modified is the file's
     * modification time (ISO-8601), which history keeps and report.json does not (null there), so
     * that the next run knows the file under another name (an archived copy keeps it).
     */
    public record FileRow(String file, String outcome, String municipalityCode, Integer round, String reasonCode,
            String modified) {
        public boolean counts() {
            return "accepted".equals(outcome) || "accepted_with_warnings".equals(outcome);
        }
    }

    /**
     * One municipality's headline figures; values are JSON nodes (null when absent). round is the
     * round of the figures, null when not known (a snapshot made before rounds).
     */
    public record MunicipalityRow(String code, Integer round, JsonNode index, JsonNode level, JsonNode savings,
            Map<String, AreaRow> areas) {
        public MunicipalityRow {
            areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
        }
    }

    public record AreaRow(String area, JsonNode index, JsonNode level, JsonNode savings) {
    }

    /** Reads a report.json, or a history file: a snapshot as {@link #writeGzip} writes it, or an older plain copy. */
    public static ReportSnapshot read(Path reportJson) throws IOException {
        try (InputStream in = open(reportJson); JsonParser p = JSON.createParser(in)) {
            return of(core(p));
        }
    }

    /** The file's bytes, inflated when they are gzip (by their magic number, whatever the name). */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Writes the snapshot of a report.json to {@code to}, gzipped: a JSON document of report.json's
     * shape holding only the fields {@link #read} keeps ({@code reason} reduced to its code), so
     * reading it gives the same snapshot as reading the report. A document that is not a
     * report.json is kept whole (gzipped), so that reading it fails as reading the report would.
     */
    public static void writeGzip(Path reportJson, Path to) throws IOException {
        ReportSnapshot snapshot;
        try {
            snapshot = read(reportJson);
        } catch (IOException e) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
                Files.copy(reportJson, out);
            }
            return;
        }
        snapshot.writeGzip(to);
    }

    /** Writes this snapshot to {@code to}, gzipped: what {@link #writeGzip(Path, Path)} writes for its report.json. */
    public void writeGzip(Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to), 1 << 16)) {
            writeJson(out);
        }
    }

    /** Writes this snapshot as JSON (compact, UTF-8) to {@code out}, which is left open. */
    public void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            write(g);
        }
    }

    private void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("generated_at", generatedAt);
        g.writeArrayFieldStart("files");
        for (FileRow f : files.values()) {
            g.writeStartObject();
            g.writeStringField("file", f.file());
            g.writeStringField("outcome", f.outcome());
            g.writeStringField("municipality_code", f.municipalityCode());
            round(g, f.round());
            if (f.reasonCode() == null) {
                g.writeNullField("reason");
            } else {
                g.writeObjectFieldStart("reason");
                g.writeStringField("code", f.reasonCode());
                g.writeEndObject();
            }
            if (f.modified() != null) {
                g.writeStringField("modified", f.modified());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("municipalities");
        for (MunicipalityRow m : municipalities.values()) {
            g.writeStartObject();
            g.writeStringField("code", m.code());
            round(g, m.round());
            figures(g, m.index(), m.level(), m.savings());
            g.writeArrayFieldStart("areas");
            for (AreaRow a : m.areas().values()) {
                g.writeStartObject();
                g.writeStringField("area", a.area());
                figures(g, a.index(), a.level(), a.savings());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void round(JsonGenerator g, Integer round) throws IOException {
        if (round == null) {
            g.writeNullField("round");
        } else {
            g.writeNumberField("round", round);
        }
    }

    private static void figures(JsonGenerator g, JsonNode index, JsonNode level, JsonNode savings)
            throws IOException {
        for (Map.Entry<String, JsonNode> e : List.of(Map.entry("index", orNull(index)),
                Map.entry("level", orNull(level)), Map.entry("savings", orNull(savings)))) {
            g.writeFieldName(e.getKey());
            g.writeTree(e.getValue());
        }
    }

    /**
     * A number as reading its plain decimal text back gives it (a decimal with its trailing zeros,
     * an integer node for a whole number written without a point), for a snapshot made from the
     * figures in hand rather than from a report.json; null gives null.
     */
    public static JsonNode number(BigDecimal v) {
        if (v == null) {
            return null;
        }
        if (v.scale() > 0) {
            return JSON.getNodeFactory().numberNode(v);
        }
        BigInteger i = v.toBigIntegerExact();
        return i.bitLength() < 32 ? IntNode.valueOf(i.intValue())
                : i.bitLength() < 64 ? LongNode.valueOf(i.longValue()) : BigIntegerNode.valueOf(i);
    }

    /** An object of report.json's shape holding {@code fields} in order (a null value as JSON null). */
    public static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode o = JSON.createObjectNode();
        fields.forEach((k, v) -> o.set(k, orNull(v)));
        return o;
    }

    private static JsonNode orNull(JsonNode n) {
        return n == null ? JSON.nullNode() : n;
    }

    public static ReportSnapshot parse(byte[] reportJson) throws IOException {
        try (JsonParser p = JSON.createParser(reportJson)) {
            return of(core(p));
        }
    }

    /** The fields of a file entry and of a municipality (and of its areas) that the comparison reads. */
    private static final Set<String> FILE_FIELDS = Set.of("file", "outcome", "municipality_code", "round",
            "reason", "modified");
    private static final Set<String> MUNICIPALITY_FIELDS = Set.of("municipality_code", "code", "round", "index",
            "level", "savings", "areas");
    private static final Set<String> AREA_FIELDS = Set.of("area", "index", "level", "savings");

    /**
     * The document as a tree holding only the core fields, read as a stream: a report over
     * thousands of files (findings, services) is never held whole in memory. Any other document
     * is read whole, so that {@link #of} judges it as before.
     */
    private static JsonNode core(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return p.currentToken() == null ? null : JSON.readTree(p);
        }
        ObjectNode root = JSON.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("files") && value == JsonToken.START_ARRAY) {
                root.set(field, array(p, FILE_FIELDS, null));
            } else if (field.equals("municipalities") && value == JsonToken.START_ARRAY) {
                root.set(field, array(p, MUNICIPALITY_FIELDS, "areas"));
            } else if (field.equals("generated_at")) {
                root.set(field, JSON.readTree(p));
            } else {
                // Kept as a marker (duplicate names keep the last value, as a tree would).
                p.skipChildren();
                root.putNull(field);
            }
        }
        return root;
    }

    /** An array whose object elements keep only {@code keep}; {@code nested} names a kept array of areas. */
    private static ArrayNode array(JsonParser p, Set<String> keep, String nested) throws IOException {
        ArrayNode out = JSON.createArrayNode();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                out.add((JsonNode) JSON.readTree(p));
                continue;
            }
            ObjectNode o = out.addObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!keep.contains(field)) {
                    p.skipChildren();
                } else if (field.equals(nested) && value == JsonToken.START_ARRAY) {
                    o.set(field, array(p, AREA_FIELDS, null));
                } else {
                    o.set(field, JSON.readTree(p));
                }
            }
        }
        return out;
    }

    private static ReportSnapshot of(JsonNode root) throws IOException {
        if (root == null || !root.isObject() || !root.path("files").isArray()) {
            throw new IOException("not a report.json: no \"files\" array");
        }
        Map<String, FileRow> files = new LinkedHashMap<>();
        for (JsonNode f : root.path("files")) {
            String file = text(f.get("file"));
            if (file != null) {
                files.put(file, new FileRow(file, text(f.get("outcome")), text(f.get("municipality_code")),
                        round(f.get("round")), text(f.path("reason").get("code")), text(f.get("modified"))));
            }
        }
        Map<String, MunicipalityRow> municipalities = new LinkedHashMap<>();
        for (JsonNode m : root.path("municipalities")) {
            // "code" in report.json format 1 (before the names were aligned with the CSV).
            String code = text(m.has("municipality_code") ? m.get("municipality_code") : m.get("code"));
            if (code == null) {
                continue;
            }
            Map<String, AreaRow> areas = new LinkedHashMap<>();
            for (JsonNode a : m.path("areas")) {
                String area = text(a.get("area"));
                if (area != null) {
                    areas.put(area, new AreaRow(area, value(a.get("index")), value(a.get("level")),
                            value(a.get("savings"))));
                }
            }
            municipalities.put(code, new MunicipalityRow(code, round(m.get("round")), value(m.get("index")),
                    value(m.get("level")), value(m.get("savings")), areas));
        }
        return new ReportSnapshot(text(root.get("generated_at")), files, municipalities);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    /** A round as report.json writes it (a whole number); anything else, or none, is not known. */
    private static Integer round(JsonNode n) {
        return n != null && n.canConvertToInt() && n.isIntegralNumber() ? n.intValue() : null;
    }

    private static JsonNode value(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** The numeric fields of a savings object, in document order. */
    static List<String> numericKeys(JsonNode savings) {
        List<String> keys = new ArrayList<>();
        if (savings != null && savings.isObject()) {
            savings.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    keys.add(e.getKey());
                }
            });
        }
        return keys;
    }
}
