package fi.digikunta.robustness;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.digikunta.testing.CsvTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What no output of a run over hostile files may hold, checked on the written bytes: the text of the
 * external entity's target or of /etc/passwd, an unescaped script element, a CSV cell a spreadsheet
 * would run as a formula, a control character or a byte that is not UTF-8, invalid JSON, or a file
 * name not made by the tool itself (municipality pages are named by code only).
 */
public final class OutputChecks {
    /** Every file a run writes, relative to its output folder. */
    static final Pattern OUTPUT_NAME = Pattern.compile(
            "report\\.json|report\\.html|[a-z_]+\\.csv|municipalities/[0-9]{3}\\.html|run-log\\.jsonl|\\.digikunta-set"
                    + "|history/report-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?\\.json(\\.gz)?|datapackage\\.json");
    static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    private OutputChecks() {
    }

    /** The problems found in the outputs (file name to bytes); empty when every check passes. */
    public static List<String> problems(Map<String, byte[]> files) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            if (!OUTPUT_NAME.matcher(name).matches()) {
                out.add(name + ": a file name the tool does not make");
            }
            String text;
            byte[] bytes = f.getValue();
            try {
                if (name.endsWith(".gz")) {
                    // History snapshots: their inflated text is checked as JSON.
                    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                        bytes = in.readAllBytes();
                    }
                    name = name.substring(0, name.length() - 3);
                }
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                out.add(name + ": not UTF-8");
                continue;
            } catch (IOException e) {
                out.add(name + ": not gzip: " + e.getMessage());
                continue;
            }
            out.addAll(textProblems(name, text));
        }
        return out;
    }

    /** The problems of one output text (a file's content or standard output). */
    public static List<String> textProblems(String name, String text) {
        List<String> out = new ArrayList<>();
        if (text.contains(RobustnessCorpus.SECRET)) {
            out.add(name + ": holds the text of the external entity's target");
        }
        if (text.contains("root:x:0:0")) {
            out.add(name + ": holds the text of /etc/passwd");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                out.add(name + ": control character U+" + String.format("%04X", (int) c) + " at " + i);
                break;
            }
        }
        if (name.endsWith(".html") && text.toLowerCase(Locale.ROOT).contains("<script")) {
            out.add(name + ": an unescaped <script");
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl")) {
            for (String doc : name.endsWith(".jsonl") ? text.split("\n") : new String[] {text}) {
                try {
                    new ObjectMapper().readTree(doc);
                } catch (IOException e) {
                    out.add(name + ": not valid JSON: " + e.getMessage());
                }
            }
        }
        if (name.endsWith(".csv")) {
            out.addAll(csvProblems(name, text));
        }
        return out;
    }

    /** Cells that start like a formula (= + - @ tab CR) and are not plain numbers. */
    static List<String> csvProblems(String name, String text) {
        List<String> out = new ArrayList<>();
        boolean excel = text.startsWith("\uFEFF");
        String body = excel ? text.substring(1) : text;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(excel ? ';' : ',').get();
        try {
            for (CSVRecord r : CsvTable.records(body, format)) {
                for (String cell : r) {
                    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                            && !NUMBER.matcher(cell).matches()) {
                        out.add(name + " line " + r.getRecordNumber() + ": a cell a spreadsheet would run: " + cell);
                    }
                }
            }
        } catch (RuntimeException e) {
            out.add(name + ": not CSV: " + e.getMessage());
        }
        return out;
    }
}
