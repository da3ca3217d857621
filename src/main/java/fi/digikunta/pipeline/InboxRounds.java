package fi.digikunta.pipeline;

import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.schema.Schema;
import fi.digikunta.schema.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The round the coordinator gives each inbox, for the v1 returns in it (a v2 return states its own):
 * {@code --round YEAR} for every inbox, or an inbox argument written {@code YEAR=PATH} for that one.
 * An argument is read as {@code YEAR=PATH} only when no file or folder of that very name exists, so
 * a folder literally named "2025=x" is still an inbox. A return read back from the archive takes the
 * round its inbox had when it was archived (a note beside it), else the {@code --round} default.
 *
 * @param inputs the inbox paths as scanned, in the order given
 * @param byInput the round given with each of {@code inputs} (or the default), null where none
 * @param defaultRound the {@code --round} value, or null
 */
public record InboxRounds(List<Path> inputs, List<Integer> byInput, Integer defaultRound) {
    private static final Pattern ROUND_FORM = Pattern.compile("(\\d{4})=(.+)", Pattern.DOTALL);

    public InboxRounds {
        inputs = List.copyOf(inputs);
        byInput = java.util.Collections.unmodifiableList(new ArrayList<>(byInput));
        if (inputs.size() != byInput.size()) {
            throw new IllegalArgumentException("one round (or null) per input");
        }
    }

    /** Inboxes without rounds: every v1 return takes the year of its fill date. */
    public static InboxRounds none(List<Path> inputs) {
        return new InboxRounds(inputs, java.util.Collections.nCopies(inputs.size(), null), null);
    }

    /**
     * The inbox arguments as given on the command line, with the {@code --round} default (or null).
     * Rounds are not range-checked here: see {@link #problem}.
     */
    public static InboxRounds parse(List<Path> arguments, Integer defaultRound) {
        List<Path> inputs = new ArrayList<>();
        List<Integer> rounds = new ArrayList<>();
        for (Path a : arguments) {
            Matcher m = ROUND_FORM.matcher(a.toString());
            if (!Files.exists(a) && m.matches()) {
                inputs.add(Path.of(m.group(2)));
                rounds.add(Integer.valueOf(m.group(1)));
            } else {
                inputs.add(a);
                rounds.add(defaultRound);
            }
        }
        return new InboxRounds(inputs, rounds, defaultRound);
    }

    /**
     * The first round outside the range the form allows (2016-2100): where it was given ("--round",
     * or the argument "YEAR=PATH") and "YEAR (FIRST-LAST)"; empty if none.
     */
    public Optional<String[]> problem() {
        Schema.IdKey k = SchemaRegistry.load().latest().idKey("round").orElseThrow();
        String range = " (" + k.min().intValue() + "–" + k.max().intValue() + ")";
        if (defaultRound != null && (defaultRound < k.min() || defaultRound > k.max())) {
            return Optional.of(new String[] {"--round", defaultRound + range});
        }
        for (int i = 0; i < inputs.size(); i++) {
            Integer r = byInput.get(i);
            if (r != null && !r.equals(defaultRound) && (r < k.min() || r > k.max())) {
                return Optional.of(new String[] {r + "=" + inputs.get(i), r + range});
            }
        }
        return Optional.empty();
    }

    /** A look-up from an inbox entry to its inbox's round, built once the inboxes exist. */
    public java.util.function.Function<InboxEntry, Integer> lookup() {
        Map<Path, Integer> roots = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            roots.put(inputs.get(i).toAbsolutePath().normalize(), byInput.get(i));
            roots.put(real(inputs.get(i)), byInput.get(i));
        }
        return e -> {
            Path p = e.path().toAbsolutePath().normalize();
            Path best = null;
            for (Path root : roots.keySet()) {
                // The deepest inbox holding the entry: one inbox may sit inside another.
                if (p.startsWith(root) && (best == null || root.getNameCount() > best.getNameCount())) {
                    best = root;
                }
            }
            return best != null ? roots.get(best) : defaultRound;
        };
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
