package fi.digikunta.validate;

import static fi.digikunta.validate.CellValues.isBlank;
import static fi.digikunta.validate.CellValues.shown;

import fi.digikunta.findings.FindingCode;
import fi.digikunta.model.Identification;
import fi.digikunta.read.CellRef;
import fi.digikunta.read.RawCell;
import fi.digikunta.reference.Municipality;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The identification block of one file's summary tab: keys found by label, the municipality code
 * and the template version checked (either wrong rejects the file), then the identification read.
 */
final class IdentificationCheck {
    private final SchemaIndexes schemas;
    private final MunicipalityList municipalities;
    private final FindingSink sink;
    private final CellReader reader;
    private final Grid summary;
    private final Map<String, RawCell> values;
    /** The round given the file's inbox (for a v1 form), or null. */
    private final Integer inboxRound;
    private final LocalDate today;
    private String municipalityCode;

    IdentificationCheck(SchemaIndexes schemas, MunicipalityList municipalities, FindingSink sink, CellReader reader,
            Grid summary, Integer inboxRound, LocalDate today) {
        this.inboxRound = inboxRound;
        this.today = today;
        this.schemas = schemas;
        this.municipalities = municipalities;
        this.sink = sink;
        this.reader = reader;
        this.summary = summary;
        this.values = valueCells(summary, schemas.latest());
    }

    /** The municipality's code once checked against the list; null before or when not known. */
    String municipalityCode() {
        return municipalityCode;
    }

    /** Value cells of the identification keys found by label in the label column, first label wins. */
    private static Map<String, RawCell> valueCells(Grid g, SchemaIndex ix) {
        Schema.Identification id = ix.schema.identification();
        int labelCol = CellRef.columnIndex(id.labelColumn());
        int valueCol = CellRef.columnIndex(id.valueColumn());
        Map<String, RawCell> values = new HashMap<>();
        for (int r = 0; r < id.maxRow(); r++) {
            g.checkTime();
            RawCell label = g.at(r, labelCol);
            if (label == null || label.kind() != RawCell.Kind.STRING) {
                continue;
            }
            Schema.IdKey k = ix.idKeyByLabel.get(ix.keyOf(label.text()));
            if (k != null && !values.containsKey(k.key())) {
                RawCell v = g.at(r, valueCol);
                values.put(k.key(), v != null ? v : new RawCell(r, valueCol, RawCell.Kind.STRING, "", Double.NaN,
                        false, false, false));
            }
        }
        return values;
    }

    /** Required keys present, the version known: the schema of that version; else null (rejected). */
    SchemaIndex chooseSchema() {
        SchemaIndex known = knownVersion();
        requiredKeys(known);
        municipality();
        SchemaIndex chosen = version();
        return sink.rejected() ? null : chosen;
    }

    /** The schema of the version written, without a finding yet; null when none is written or known. */
    private SchemaIndex knownVersion() {
        String v = CellValues.version(values.get("version"));
        return v == null ? null : schemas.forTemplateVersion(v).orElse(null);
    }

    /**
     * The keys the version requires (v2's round is not required of a v1 form); while the version is
     * not known, those that every version requires.
     */
    private void requiredKeys(SchemaIndex known) {
        Schema.Identification id = (known != null ? known : schemas.latest()).schema.identification();
        String sheet = summary.name();
        for (Schema.IdKey k : id.keys()) {
            RawCell v = values.get(k.key());
            boolean required = known != null ? k.required() : schemas.requiredByEvery(k.key());
            if (required && (v == null || isBlank(v))) {
                sink.add(FindingCode.IDENTIFICATION_MISSING.atVariant(sheet, v == null ? null : v.ref(), "key",
                        SchemaIndex.asWritten(k.label()), sheet, id.maxRow(), id.labelColumn(), id.valueColumn()));
            }
        }
    }

    private void municipality() {
        RawCell codeCell = values.get("code");
        if (codeCell == null || isBlank(codeCell)) {
            return;
        }
        String code = CellValues.municipalityCode(codeCell);
        if (code == null) {
            sink.add(FindingCode.UNKNOWN_MUNICIPALITY.atVariant(summary.name(), codeCell.ref(), "invalid",
                    shown(codeCell)));
        } else if (municipalities.byCode(code).isEmpty()) {
            sink.add(FindingCode.UNKNOWN_MUNICIPALITY.at(summary.name(), codeCell.ref(), code));
        } else {
            municipalityCode = code;
        }
    }

    private SchemaIndex version() {
        RawCell versionCell = values.get("version");
        if (versionCell == null || isBlank(versionCell)) {
            return null;
        }
        String v = CellValues.version(versionCell);
        Optional<SchemaIndex> chosen = schemas.forTemplateVersion(v);
        if (chosen.isEmpty()) {
            sink.add(FindingCode.UNKNOWN_VERSION.at(summary.name(), versionCell.ref(), v,
                    schemas.knownTemplateVersions()));
        }
        return chosen.orElse(null);
    }

    /** The identification as read with the chosen schema; only after {@link #chooseSchema} gave one. */
    Identification identification(SchemaIndex ix) {
        Grid g = summary;
        RawCell nameCell = values.get("name");
        String name = reader.text(g, nameCell);
        Municipality m = municipalities.byCode(municipalityCode).orElseThrow();
        if (name != null && !MunicipalityList.nameMatches(m, name)) {
            sink.add(FindingCode.NAME_MISMATCH.at(g.name(), nameCell.ref(), name, m.code(),
                    m.nameFi().equals(m.nameSv()) ? m.nameFi() : m.nameFi() + " / " + m.nameSv()));
        }
        RawCell dateCell = values.get("date");
        LocalDate date = null;
        if (dateCell != null && !isBlank(dateCell)) {
            date = DateValues.of(dateCell);
            if (date == null) {
                // A v1 form without an inbox round needs the date for its round: then it is the one reason.
                boolean noRound = ix.schema.idKey("round").isEmpty() && inboxRound == null;
                sink.add((noRound ? FindingCode.ROUND_UNKNOWN : FindingCode.INVALID_DATE).at(g.name(),
                        dateCell.ref(), shown(dateCell)));
            } else if (date.isAfter(today)) {
                // Else a return dated 2099 would stay the newest of its municipality for ever. A v1 form
                // without an inbox round then has no round either: that is its one reason, as above.
                boolean noRound = ix.schema.idKey("round").isEmpty() && inboxRound == null;
                // Both say why in the "future" wording: the date is a date, only a later one than the run's.
                sink.add((noRound ? FindingCode.ROUND_UNKNOWN : FindingCode.INVALID_DATE)
                        .atVariant(g.name(), dateCell.ref(), "future", date, today));
                date = null;
            } else if (ix.schema.idKey("round").isEmpty() && inboxRound == null) {
                roundOfTheDate(g, dateCell, date);
            }
        }
        Double hourly = null;
        Optional<Schema.IdKey> hourlyKey = ix.schema.identification().keys().stream()
                .filter(k -> k.key().equals("hourly")).findFirst();
        if (hourlyKey.isPresent()) {
            hourly = reader.number(g, values.get("hourly"), ValueColumn.of(hourlyKey.get()));
        }
        Integer round = ix.schema.idKey("round").map(k -> round(k, values.get("round"))).orElse(null);
        return new Identification(name, municipalityCode, reader.text(g, values.get("contact")),
                reader.text(g, values.get("email")), date, CellValues.version(values.get("version")), hourly, round);
    }

    /**
     * A v1 form's round is its fill date's year: a year outside the rounds' range (v2's, 2016-2100),
     * a typo such as 2002, would silently make a round of its own and take the return out of the
     * headline; it is {@code round-unknown} on the date's cell instead.
     */
    private void roundOfTheDate(Grid g, RawCell dateCell, LocalDate date) {
        Optional<Schema.IdKey> range = schemas.latest().schema.idKey("round");
        if (range.isPresent() && (date.getYear() < range.get().min() || date.getYear() > range.get().max())) {
            sink.add(FindingCode.ROUND_UNKNOWN.atVariant(g.name(), dateCell.ref(), "range", date,
                    CellValues.plain(range.get().min()), CellValues.plain(range.get().max())));
        }
    }

    /**
     * The round of the return: the form's own (v2), else the inbox's, else the year of its fill date;
     * null when none (the file is rejected already: {@code round-unknown}, or a missing key).
     */
    Integer round(SchemaIndex ix, Identification ident) {
        if (ix.schema.idKey("round").isPresent()) {
            return ident.round();
        }
        if (inboxRound != null) {
            return inboxRound;
        }
        return ident.fillDate() == null ? null : ident.fillDate().getYear();
    }

    /** The round a v2 form states, within its range; else a rejecting finding on its cell and null. */
    private Integer round(Schema.IdKey k, RawCell cell) {
        if (cell == null || isBlank(cell)) {
            return null; // already rejected as a missing required key
        }
        Integer year = RoundValues.of(cell);
        if (year == null || year < k.min() || year > k.max()) {
            sink.add(FindingCode.INVALID_ROUND.at(summary.name(), cell.ref(), shown(cell),
                    CellValues.plain(k.min()), CellValues.plain(k.max())));
            return null;
        }
        return year;
    }
}
