package fi.digikunta.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a report.json that the since-the-previous-run section compares: its core shape
 * only ({@code files[].file/outcome/municipality_code/reason.code},
 * {@code municipalities[].code/index/level/savings/areas[].area/index/level/savings}), so that
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
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    public ReportSnapshot {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        municipalities = Collections.unmodifiableMap(new LinkedHashMap<>(municipalities));
    }

    /** One file's outcome. reasonCode is {@code reason.code}, null when there is no reason. */
    public record FileRow(String file, String outcome, String municipalityCode, String reasonCode) {
        public boolean counts() {
            return "accepted".equals(outcome) || "accepted_with_warnings".equals(outcome);
        }
    }

    /** One municipality's headline figures; values are JSON nodes (null when absent). */
    public record MunicipalityRow(String code, JsonNode index, JsonNode level, JsonNode savings,
            Map<String, AreaRow> areas) {
        public MunicipalityRow {
            areas = Collections.unmodifiableMap(new LinkedHashMap<>(areas));
        }
    }

    public record AreaRow(String area, JsonNode index, JsonNode level, JsonNode savings) {
    }

    public static ReportSnapshot read(Path reportJson) throws IOException {
        try (InputStream in = Files.newInputStream(reportJson)) {
            return of(JSON.readTree(in));
        }
    }

    public static ReportSnapshot parse(byte[] reportJson) throws IOException {
        return of(JSON.readTree(reportJson));
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
                        text(f.path("reason").get("code"))));
            }
        }
        Map<String, MunicipalityRow> municipalities = new LinkedHashMap<>();
        for (JsonNode m : root.path("municipalities")) {
            String code = text(m.get("code"));
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
            municipalities.put(code, new MunicipalityRow(code, value(m.get("index")), value(m.get("level")),
                    value(m.get("savings")), areas));
        }
        return new ReportSnapshot(text(root.get("generated_at")), files, municipalities);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
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
