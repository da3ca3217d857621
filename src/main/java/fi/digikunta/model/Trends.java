package fi.digikunta.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every municipality's and the country's figures round by round, with the change from the previous
 * round answered (made by {@code compute.TrendCalculator}).
 *
 * @param rounds the rounds of the run, oldest first (a null round, of returns whose round is not
 *     known, first)
 * @param municipalities by round, then municipality code, then area ({@code ALL} first, then schema order)
 * @param national by round, then area ({@code ALL} first, then schema order)
 */
public record Trends(List<Integer> rounds, List<TrendPoint> municipalities, List<NationalTrend> national,
        Map<String, List<TrendPoint>> byMunicipality) {
    public static final String ALL = NationalFigures.ALL;

    public Trends {
        rounds = Collections.unmodifiableList(new ArrayList<>(rounds));
        municipalities = List.copyOf(municipalities);
        national = List.copyOf(national);
        // Indexed once: every municipality page asks for its own points, area by area.
        Map<String, List<TrendPoint>> by = new HashMap<>();
        municipalities.forEach(p -> by.computeIfAbsent(p.municipalityCode(), k -> new ArrayList<>()).add(p));
        byMunicipality = Map.copyOf(by);
    }

    public Trends(List<Integer> rounds, List<TrendPoint> municipalities, List<NationalTrend> national) {
        this(rounds, municipalities, national, null);
    }

    /** The points of one municipality in one area (or {@code ALL}), oldest round first. */
    public List<TrendPoint> of(String municipalityCode, String area) {
        return byMunicipality.getOrDefault(municipalityCode, List.of()).stream()
                .filter(p -> p.area().equals(area)).toList();
    }

    /** The national figures of one area (or {@code ALL}), oldest round first. */
    public List<NationalTrend> national(String area) {
        return national.stream().filter(n -> n.area().equals(area)).toList();
    }

    /** The national figures of one area in one round; null when the round is not in the run. */
    public NationalTrend national(Integer round, String area) {
        return national.stream().filter(n -> Objects.equals(n.round(), round) && n.area().equals(area)).findFirst()
                .orElse(null);
    }
}
