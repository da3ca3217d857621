package fi.digikunta.compute;

import fi.digikunta.model.AreaFigures;
import fi.digikunta.model.Distribution;
import fi.digikunta.model.MunicipalityFigures;
import fi.digikunta.model.NationalFigures;
import fi.digikunta.model.RegionStats;
import fi.digikunta.model.Savings;
import fi.digikunta.model.ServiceFigures;
import fi.digikunta.model.ServiceStats;
import fi.digikunta.model.Status;
import fi.digikunta.reference.MunicipalityList;
import fi.digikunta.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The national part of {@link FiguresCalculator}: distributions, level counts, savings, service and
 * region statistics over the municipalities' figures, summed in code order.
 */
final class NationalStatistics {
    private NationalStatistics() {
    }

    /** The national figures over the given municipalities (figures.md, "National"). */
    static NationalFigures of(Schema schema, MunicipalityList list, List<MunicipalityFigures> figures) {
        return of(schema, v -> schema, list, figures);
    }

    /**
     * As above, for returns of several form versions: each service's statistics over the returns
     * whose version asks it ({@code schemaOf} gives a return's schema; assessment-workbook-v2.md §3).
     */
    static NationalFigures of(Schema schema, Function<String, Schema> schemaOf, MunicipalityList list,
            List<MunicipalityFigures> figures) {
        List<MunicipalityFigures> ms = new ArrayList<>(figures);
        ms.sort(Comparator.comparing(MunicipalityFigures::code));
        List<String> areaCodes = schema.areaCodes();
        int n = ms.size();
        long covered = 0;
        List<Long> weights = new ArrayList<>();
        List<Map<String, AreaFigures>> areasOf = new ArrayList<>();
        for (MunicipalityFigures m : ms) {
            covered += m.population();
            weights.add(m.population());
            Map<String, AreaFigures> byArea = new HashMap<>();
            m.areas().forEach(a -> byArea.put(a.area(), a));
            areasOf.add(byArea);
        }

        Map<String, Distribution> index = new LinkedHashMap<>();
        Map<String, Distribution> coverage = new LinkedHashMap<>();
        Map<String, Distribution> depth = new LinkedHashMap<>();
        Map<String, Distribution> usage = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> levels = new LinkedHashMap<>();
        Map<String, Savings> savings = new LinkedHashMap<>();

        index.put(NationalFigures.ALL, Stats.distribution(ms.stream().map(MunicipalityFigures::index).toList(),
                weights));
        levels.put(NationalFigures.ALL, levelCounts(schema, ms.stream().map(MunicipalityFigures::level).toList()));
        savings.put(NationalFigures.ALL, sum(ms.stream().map(MunicipalityFigures::savings).toList()));

        for (String area : areaCodes) {
            List<AreaFigures> as = areasOf.stream().map(x -> x.get(area)).toList();
            index.put(area, Stats.distribution(as.stream().map(AreaFigures::index).toList(), weights));
            coverage.put(area, Stats.distribution(as.stream().map(AreaFigures::coverage).toList(), weights));
            depth.put(area, nonNullDistribution(as.stream().map(AreaFigures::depth).toList(), weights));
            usage.put(area, nonNullDistribution(as.stream().map(AreaFigures::usage).toList(), weights));
            levels.put(area, levelCounts(schema, as.stream().map(AreaFigures::level).toList()));
            savings.put(area, sum(as.stream().map(AreaFigures::savings).toList()));
        }

        return new NationalFigures(n, list.size(), (double) n / list.size(), covered, list.totalPopulation(),
                list.totalPopulation() == 0 ? 0 : (double) covered / list.totalPopulation(),
                Collections.unmodifiableMap(index), Collections.unmodifiableMap(coverage),
                Collections.unmodifiableMap(depth), Collections.unmodifiableMap(usage),
                Collections.unmodifiableMap(levels), serviceStats(schema, schemaOf, ms), regionStats(list, ms),
                Collections.unmodifiableMap(savings));
    }

    /** The national sums of the returns' savings, added exactly (Euros.Sum#addEuros). */
    private static Savings sum(List<Savings> all) {
        Euros.Sum realised = new Euros.Sum();
        Euros.Sum potential = new Euros.Sum();
        Euros.Sum target = new Euros.Sum();
        int computable = 0;
        for (Savings s : all) {
            realised.addEuros(s.realisedNet());
            potential.addEuros(s.potentialNet());
            target.add(s.target());
            computable += s.computableInUse();
        }
        return new Savings(realised.euros(), potential.euros(), target.value(), computable);
    }

    private static Distribution nonNullDistribution(List<Double> values, List<Long> weights) {
        List<Double> v = new ArrayList<>();
        List<Long> w = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                v.add(values.get(i));
                w.add(weights.get(i));
            }
        }
        return Stats.distribution(v, w);
    }

    private static Map<Integer, Integer> levelCounts(Schema schema, List<Integer> levels) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        schema.figures().levels().stream().map(Schema.LevelName::level).sorted().forEach(l -> counts.put(l, 0));
        for (int l : levels) {
            counts.merge(l, 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Per catalogue service, in catalogue order; shares are 0 when there are no respondents. A round
     * with returns of several versions has a line for every service any of them asks (a retired one
     * after the national catalogue's of its area), over the returns whose version asks it: a v1
     * return does not leave a service only v2 asks unanswered, and still answers one v2 retired.
     */
    private static List<ServiceStats> serviceStats(Schema schema, Function<String, Schema> schemaOf,
            List<MunicipalityFigures> ms) {
        Map<String, Set<String>> asked = new HashMap<>();
        List<Schema.CatalogueService> services = new ArrayList<>(schema.catalogue());
        Set<String> listed = new HashSet<>();
        services.forEach(c -> listed.add(c.id()));
        boolean extra = false;
        for (MunicipalityFigures m : ms) {
            String v = m.schemaVersion();
            if (v != null && !asked.containsKey(v)) {
                Schema own = v.equals(schema.schemaVersion()) ? schema : schemaOf.apply(v);
                Set<String> ids = new HashSet<>();
                for (Schema.CatalogueService c : own.catalogue()) {
                    ids.add(c.id());
                    if (listed.add(c.id())) {
                        services.add(c);
                        extra = true;
                    }
                }
                asked.put(v, ids);
            }
        }
        if (extra) {
            List<String> areas = schema.areaCodes();
            services.sort(Comparator.comparingInt((Schema.CatalogueService c) -> areas.indexOf(c.area()))
                    .thenComparing(Schema.CatalogueService::id));
        }
        List<Map<String, ServiceFigures>> byId = new ArrayList<>();
        for (MunicipalityFigures m : ms) {
            Map<String, ServiceFigures> s = new HashMap<>();
            for (ServiceFigures f : m.services()) {
                if (f.id() != null) {
                    s.put(f.id(), f);
                }
            }
            byId.add(s);
        }
        List<ServiceStats> out = new ArrayList<>();
        for (Schema.CatalogueService c : services) {
            out.add(serviceStat(c, ms, byId, asked));
        }
        return List.copyOf(out);
    }

    /** One service over the returns whose version asks it (all, for a return without a version). */
    private static ServiceStats serviceStat(Schema.CatalogueService c, List<MunicipalityFigures> ms,
            List<Map<String, ServiceFigures>> byId, Map<String, Set<String>> asked) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        int n = 0;
        int unanswered = 0;
        List<Double> usages = new ArrayList<>();
        List<Double> depths = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            Set<String> ids = asked.get(ms.get(i).schemaVersion());
            if (ids != null && !ids.contains(c.id())) {
                continue;
            }
            n++;
            ServiceFigures f = byId.get(i).get(c.id());
            Status st = f == null ? null : f.status();
            if (st == null) {
                unanswered++;
                continue;
            }
            counts.merge(st, 1, Integer::sum);
            if (st == Status.IN_USE) {
                if (f.usage() != null) {
                    usages.add(f.usage());
                }
                if (f.depth() != null) {
                    depths.add(f.depth());
                }
            }
        }
        return new ServiceStats(c.id(), c.area(), share(counts.getOrDefault(Status.IN_USE, 0), n),
                share(counts.getOrDefault(Status.PLANNED, 0), n), share(counts.getOrDefault(Status.NOT_ADOPTED, 0), n),
                share(unanswered, n), Stats.mean(usages), Stats.mean(depths));
    }

    private static double share(int count, int n) {
        return n == 0 ? 0 : (double) count / n;
    }

    /** Every region of the list, by name (plain String order), with its respondents and mean index. */
    private static List<RegionStats> regionStats(MunicipalityList list, List<MunicipalityFigures> ms) {
        TreeSet<String> regions = new TreeSet<>();
        list.all().forEach(m -> regions.add(m.region()));
        ms.forEach(m -> regions.add(m.region()));
        List<RegionStats> out = new ArrayList<>();
        for (String region : regions) {
            List<Double> indices = ms.stream().filter(m -> region.equals(m.region()))
                    .map(MunicipalityFigures::index).toList();
            out.add(new RegionStats(region, indices.size(), Stats.mean(indices)));
        }
        return List.copyOf(out);
    }
}
