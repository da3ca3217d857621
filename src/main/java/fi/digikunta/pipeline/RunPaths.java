package fi.digikunta.pipeline;

import fi.digikunta.inbox.InboxArchiver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders of one run must be apart: an inbox, {@code --out} with its {@code .d} sibling (sets,
 * history, lock, run log) and {@code --archive}. One equal to, inside or containing another lets the
 * run read its own output as returns, move its own lock, or delete archived returns with an old
 * report set; so any such overlap, judged after resolving links, is a usage error before anything
 * is written or moved.
 */
final class RunPaths {
    /** One folder of the run: the option as the user wrote it, the path it means. */
    private record Place(int group, String shown, Path real) {
    }

    private RunPaths() {
    }

    /** The first two overlapping places, as the user named them, or empty. */
    static Optional<String[]> overlap(List<Path> inputs, Path out, Path archive) {
        List<Place> places = new ArrayList<>();
        int group = 0;
        for (Path in : inputs) {
            places.add(new Place(group++, in.toString(), InboxArchiver.realish(in)));
        }
        if (out != null) {
            Path abs = out.toAbsolutePath().normalize();
            if (abs.getParent() != null && abs.getFileName() != null) {
                // The link users open and, beside it, the folder that holds the sets and the lock.
                Path parent = InboxArchiver.realish(abs.getParent());
                String name = abs.getFileName().toString();
                places.add(new Place(group, "--out " + out, parent.resolve(name)));
                places.add(new Place(group, "--out " + out + " (" + name + ".d)", parent.resolve(name + ".d")));
            }
            places.add(new Place(group++, "--out " + out, InboxArchiver.realish(out)));
        }
        if (archive != null) {
            places.add(new Place(group, "--archive " + archive, InboxArchiver.realish(archive)));
        }
        for (int i = 0; i < places.size(); i++) {
            for (int j = i + 1; j < places.size(); j++) {
                Place a = places.get(i);
                Place b = places.get(j);
                if (a.group() != b.group() && (a.real().startsWith(b.real()) || b.real().startsWith(a.real()))) {
                    return Optional.of(new String[] {a.shown(), b.shown()});
                }
            }
        }
        return Optional.empty();
    }
}
