package fi.digikunta.compute;

import fi.digikunta.model.AreaReturn;
import fi.digikunta.model.AssessmentReturn;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.Identification;
import fi.digikunta.model.Outcome;
import fi.digikunta.model.ServiceRow;
import fi.digikunta.model.StageLevel;
import fi.digikunta.model.Status;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny builder of typed returns for the figures tests, as the validator would hand them over. */
final class Returns {
    static final Schema SCHEMA = SchemaRegistry.load().version("1").orElseThrow();

    private final String code;
    private final Schema schema;
    private Double defaultHourly;
    private final Map<String, List<ServiceRow>> rows = new LinkedHashMap<>();

    private Returns(String code, Schema schema) {
        this.code = code;
        this.schema = schema;
        for (String a : schema.areaCodes()) {
            rows.put(a, new ArrayList<>());
        }
    }

    static Returns of(String code) {
        return new Returns(code, SCHEMA);
    }

    /** A return on the form of another version (rows of ids both versions have). */
    static Returns of(String code, Schema schema) {
        return new Returns(code, schema);
    }

    Returns defaultHourly(double h) {
        this.defaultHourly = h;
        return this;
    }

    /** Adds rows to an area tab. */
    Returns add(String area, Row... rs) {
        for (Row r : rs) {
            rows.get(area).add(r.build());
        }
        return this;
    }

    AssessmentReturn build() {
        List<AreaReturn> areas = new ArrayList<>();
        rows.forEach((a, rs) -> areas.add(new AreaReturn(a, schema.area(a).orElseThrow().tab().fi(), rs)));
        return new AssessmentReturn(schema.schemaVersion(),
                new Identification("Kunta " + code, code, null, null, LocalDate.of(2025, 3, 1), "1", defaultHourly),
                areas);
    }

    FileResult file(String name, Outcome outcome) {
        return file(name, outcome, null);
    }

    FileResult file(String name, Outcome outcome, Integer round) {
        return new FileResult(name, outcome, code, null, List.of(), false, build(), Instant.EPOCH, null, round);
    }

    /** A catalogue row (its name taken from the catalogue, as the reader does for a blank cell). */
    static Row row(int row, String id) {
        return new Row(row, id, SCHEMA.service(id).orElseThrow().name().fi());
    }

    /** A row the municipality added itself: blank id. */
    static Row own(int row, String name) {
        return new Row(row, null, name);
    }

    /**
     * A municipality list of the given rows "code,name,region,population", as {@code --municipalities}
     * would load it.
     */
    static MunicipalityList list(Path dir, String... rows) {
        StringBuilder sb = new StringBuilder("code,name_fi,name_sv,region_fi,population\n");
        for (String r : rows) {
            String[] f = r.split(",");
            sb.append(f[0]).append(',').append(f[1]).append(',').append(f[1]).append(" sv,").append(f[2]).append(',')
                    .append(f[3]).append('\n');
        }
        try {
            Path p = Files.createTempFile(dir, "municipalities", ".csv");
            Files.writeString(p, sb);
            return MunicipalityList.fromFile(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Row {
        private final int row;
        private final String id;
        private final String name;
        private Status status;
        private final Map<String, StageLevel> stages = new LinkedHashMap<>();
        private Double usage;
        private Double hourly;
        private Double volume;
        private Double cost;
        private final Map<String, Double> savings = new LinkedHashMap<>();
        private Double savingTotal;
        private Double target;

        private Row(int row, String id, String name) {
            this.row = row;
            this.id = id;
            this.name = name;
        }

        Row status(Status s) {
            this.status = s;
            return this;
        }

        Row stage(String stage, StageLevel level) {
            stages.put(stage, level);
            return this;
        }

        /** The same level on all six stages. */
        Row allStages(StageLevel level) {
            SCHEMA.stages().forEach(s -> stages.put(s, level));
            return this;
        }

        Row usage(double u) {
            this.usage = u;
            return this;
        }

        Row hourly(double h) {
            this.hourly = h;
            return this;
        }

        Row volume(double v) {
            this.volume = v;
            return this;
        }

        Row cost(double c) {
            this.cost = c;
            return this;
        }

        Row save(String stage, double minutes) {
            savings.put(stage, minutes);
            return this;
        }

        Row saveTotal(double minutes) {
            this.savingTotal = minutes;
            return this;
        }

        Row target(double t) {
            this.target = t;
            return this;
        }

        ServiceRow build() {
            return new ServiceRow(row, id, id, name, status, stages, usage, hourly, volume, cost, savings, savingTotal,
                    target, null, null);
        }
    }
}
