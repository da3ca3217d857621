package fi.digikunta.reference;

import fi.digikunta.schema.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The municipality reference list: codes, names, regions and populations. The built-in list is
 * {@code /fi/digikunta/reference/municipalities.csv} (written from shared/reference, 308 rows as of
 * 1.1.2025); {@code --municipalities FILE} loads a newer list of the same shape, since
 * municipalities merge.
 */
public final class MunicipalityList {
    static final List<String> COLUMNS = List.of("code", "name_fi", "name_sv", "region_fi", "population");
    /** Compiled once: {@code String.matches} would compile it again for each of the 308 lines. */
    private static final Pattern CODE = Pattern.compile("\\d{3}");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    /** The built-in list, once read: it is part of the jar, and a list never changes. */
    private static MunicipalityList builtIn;

    private final Map<String, Municipality> byCode;

    private MunicipalityList(Map<String, Municipality> byCode) {
        this.byCode = Collections.unmodifiableMap(new TreeMap<>(byCode));
    }

    /** The list shipped with this build (read at the first call, shared after it). */
    public static synchronized MunicipalityList builtIn() {
        if (builtIn == null) {
            builtIn = readBuiltIn();
        }
        return builtIn;
    }

    private static MunicipalityList readBuiltIn() {
        try (InputStream in = MunicipalityList.class.getResourceAsStream("municipalities.csv");
                InputStream al = MunicipalityList.class.getResourceAsStream("name-aliases.csv")) {
            return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), "municipalities.csv",
                    readAliases(new java.io.InputStreamReader(al, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A list from a file of the same shape as the built-in one. The built-in spelling aliases are kept
     * for codes that still exist. Throws {@link IllegalArgumentException} naming the file and line on
     * a malformed list.
     */
    public static MunicipalityList fromFile(Path file) throws IOException {
        Map<String, Set<String>> aliases;
        try (InputStream al = MunicipalityList.class.getResourceAsStream("name-aliases.csv")) {
            aliases = readAliases(new java.io.InputStreamReader(al, StandardCharsets.UTF_8));
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(new java.io.StringReader(text), file.toString(), aliases);
    }

    private static Map<String, Set<String>> readAliases(Reader r) throws IOException {
        Map<String, Set<String>> m = new HashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
            for (CSVRecord rec : p) {
                m.computeIfAbsent(rec.get("code"), k -> new HashSet<>()).add(rec.get("alias"));
            }
        }
        return m;
    }

    private static MunicipalityList parse(Reader r, String source, Map<String, Set<String>> aliases)
            throws IOException {
        Map<String, Municipality> m = new HashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
            for (String c : COLUMNS) {
                if (!p.getHeaderMap().containsKey(c)) {
                    throw new IllegalArgumentException(source + ": column '" + c + "' missing (need "
                            + String.join(",", COLUMNS) + ")");
                }
            }
            for (CSVRecord rec : p) {
                String code = rec.get("code");
                if (!CODE.matcher(code).matches()) {
                    throw new IllegalArgumentException(source + " line " + rec.getRecordNumber()
                            + ": code '" + code + "' is not three digits");
                }
                long pop;
                try {
                    pop = Long.parseLong(rec.get("population").replace(" ", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + " line " + rec.getRecordNumber()
                            + ": population '" + rec.get("population") + "' is not a whole number", e);
                }
                if (m.containsKey(code)) {
                    throw new IllegalArgumentException(source + ": code " + code + " appears twice");
                }
                m.put(code, new Municipality(code, rec.get("name_fi"), rec.get("name_sv"), rec.get("region_fi"),
                        pop, Set.copyOf(aliases.getOrDefault(code, Set.of()))));
            }
        }
        if (m.isEmpty()) {
            throw new IllegalArgumentException(source + ": no municipalities");
        }
        return new MunicipalityList(m);
    }

    public Optional<Municipality> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** All municipalities sorted by code. */
    public Collection<Municipality> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }

    public long totalPopulation() {
        return byCode.values().stream().mapToLong(Municipality::population).sum();
    }

    /** Whether a name written in a workbook is an accepted name of the municipality. */
    public static boolean nameMatches(Municipality m, String written) {
        String w = Labels.normalize(written);
        List<String> names = new ArrayList<>(List.of(m.nameFi(), m.nameSv()));
        names.addAll(m.aliases());
        return names.stream().anyMatch(n -> Labels.normalize(n).equals(w));
    }
}
