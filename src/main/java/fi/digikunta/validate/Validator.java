package fi.digikunta.validate;

import fi.digikunta.findings.Finding;
import fi.digikunta.findings.FindingCode;
import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.model.Identification;
import fi.digikunta.model.Outcome;
import fi.digikunta.read.Deadline;
import fi.digikunta.read.RawSheet;
import fi.digikunta.read.RawWorkbook;
import fi.digikunta.read.ReadOutcome;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one raw workbook into a typed return and its findings, applying every rule of the problem
 * table in shared/spec/assessment-workbook.md: tabs by name (Finnish, Swedish or alias), the
 * identification block by label, the template version choosing the schema, header rows and columns
 * by label (never by position), and every cell's value against its column type. Stateless and
 * thread-safe: one instance validates many files in parallel.
 */
public final class Validator {
    public static final int DEFAULT_FINDINGS_CAP = 200;
    /**
     * Most service rows read from one area tab (the catalogue has at most 15 per area): every row of
     * an accepted return is kept until the reports are written, so without a cap a few crafted
     * returns of tens of thousands of rows each would exhaust the run's memory, not just their own.
     */
    public static final int MAX_SERVICE_ROWS = 200;

    private final MunicipalityList municipalities;
    private final int findingsCap;
    private final SchemaIndexes schemas;
    private final LocalDate today;

    public Validator(SchemaRegistry registry, MunicipalityList municipalities) {
        this(registry, municipalities, DEFAULT_FINDINGS_CAP);
    }

    public Validator(SchemaRegistry registry, MunicipalityList municipalities, int findingsCap) {
        this(registry, municipalities, findingsCap, today());
    }

    /** @param today the run's date: a fill date after it is an error (docs/decisions.md) */
    public Validator(SchemaRegistry registry, MunicipalityList municipalities, int findingsCap, LocalDate today) {
        if (findingsCap < 1) {
            throw new IllegalArgumentException("findings cap must be at least 1");
        }
        this.municipalities = municipalities;
        this.findingsCap = findingsCap;
        this.schemas = new SchemaIndexes(registry);
        this.today = today;
    }

    /**
     * Today in Finland by the machine's clock, not SOURCE_DATE_EPOCH: that one fixes the stamps of
     * the output, whereas a fill date in the future is a fact about the world.
     */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Helsinki"));
    }

    /** A file the reader could not read: rejected with the reader's reason as its one finding. */
    public static Validated unreadable(ReadOutcome.Unreadable u) {
        return Validated.rejected(u.code().inFile(u.reason()));
    }

    /** Reads and validates what the reader gave: a rejection for an unreadable file. */
    public Validated validate(ReadOutcome read) {
        return validate(read, null);
    }

    /**
     * As {@link #validate(ReadOutcome)}, a v1 return taking {@code inboxRound} (the round the
     * coordinator gave its inbox; null for none) as its round.
     */
    public Validated validate(ReadOutcome read, Integer inboxRound) {
        return validate(read, inboxRound, Deadline.none());
    }

    /**
     * As above, within the file's deadline (the one its reading had): a file still being checked
     * when it passes is rejected ({@code read-limit}, "time").
     */
    public Validated validate(ReadOutcome read, Integer inboxRound, Deadline deadline) {
        if (read instanceof ReadOutcome.Unreadable u) {
            return unreadable(u);
        }
        return validate(((ReadOutcome.Readable) read).workbook(), inboxRound, deadline);
    }

    public Validated validate(RawWorkbook wb) {
        return validate(wb, null);
    }

    public Validated validate(RawWorkbook wb, Integer inboxRound) {
        return validate(wb, inboxRound, Deadline.none());
    }

    private Validated validate(RawWorkbook wb, Integer inboxRound, Deadline deadline) {
        try {
            return new Run(wb, inboxRound, deadline).run();
        } catch (Grid.TimeUp t) {
            return Validated.rejected(FindingCode.READ_LIMIT.inFile(FindingCode.READ_LIMIT.variant("time",
                    t.seconds)));
        }
    }

    /** One validation of one workbook: each step's findings go to the sink, a rejection ends it. */
    private final class Run {
        private final RawWorkbook wb;
        private final Integer inboxRound;
        private final Deadline deadline;
        private final FindingSink sink = new FindingSink(findingsCap);
        private final CellReader reader = new CellReader(sink);
        private String municipalityCode;

        Run(RawWorkbook wb, Integer inboxRound, Deadline deadline) {
            this.wb = wb;
            this.inboxRound = inboxRound;
            this.deadline = deadline;
        }

        Validated run() {
            SchemaIndex latest = schemas.latest();
            RawSheet summary = null;
            for (RawSheet s : wb.sheets()) {
                if ("summary".equals(latest.roleByTab.get(latest.keyOf(s.name())))) {
                    summary = s;
                    break;
                }
            }
            if (summary == null) {
                Schema.Tab summaryTab = latest.schema.tabs().get("summary");
                sink.add(FindingCode.IDENTIFICATION_MISSING.atVariant(null, null, "tab",
                        summaryTab.name().fi() + " / " + summaryTab.name().sv()));
                return rejected();
            }
            IdentificationCheck id = new IdentificationCheck(schemas, municipalities, sink, reader, new Grid(summary, deadline),
                    inboxRound, today);
            SchemaIndex ix = id.chooseSchema();
            municipalityCode = id.municipalityCode();
            if (ix == null) {
                return rejected();
            }
            Identification ident = id.identification(ix);
            Integer round = id.round(ix, ident);
            if (sink.rejected()) {
                return rejected();
            }
            List<AreaReturn> areas = areas(ix, summary, ident);
            if (areas == null) {
                return rejected();
            }
            AssessmentReturn ret = new AssessmentReturn(ix.schema.schemaVersion(), ident, areas,
                    FormLanguage.of(wb, ix.schema));
            Outcome outcome = sink.total() == 0 ? Outcome.ACCEPTED : Outcome.ACCEPTED_WITH_WARNINGS;
            return new Validated(outcome, municipalityCode, ret, sink.result(), sink.truncated(), null, null, round);
        }

        /** The returns of the area tabs in schema order; null when the tabs or rows reject the file. */
        private List<AreaReturn> areas(SchemaIndex ix, RawSheet summary, Identification ident) {
            TabCheck tabs = new TabCheck(ix, sink, deadline);
            Map<String, Grid> areaSheets = tabs.classify(wb, summary);
            for (Schema.Area a : ix.schema.areas()) {
                if (!areaSheets.containsKey(a.code())) {
                    sink.add(FindingCode.AREA_TAB_MISSING.inFile(a.tab().fi(), a.tab().sv()));
                }
            }
            Map<String, Layout> layouts = new LinkedHashMap<>();
            for (Schema.Area a : ix.schema.areas()) {
                Grid g = areaSheets.get(a.code());
                Layout l = g == null ? null : tabs.layout(g);
                if (l != null) {
                    layouts.put(a.code(), l);
                }
            }
            if (sink.rejected()) {
                return null;
            }
            RowCheck rows = new RowCheck(ix, ident, sink, reader);
            List<AreaReturn> areas = new ArrayList<>();
            for (Schema.Area a : ix.schema.areas()) {
                areas.add(rows.rows(a, areaSheets.get(a.code()), layouts.get(a.code())));
            }
            return sink.rejected() ? null : areas;
        }

        private Validated rejected() {
            Finding r = sink.firstRejection();
            // The tabs that were read tell the form's language even when the file is rejected.
            return new Validated(Outcome.REJECTED, municipalityCode, null, sink.result(), sink.truncated(), r.id(),
                    r.message(), null, FormLanguage.detected(wb, schemas.latest().schema));
        }
    }
}
