package fi.digikunta.inbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prefix that keeps the files of several inbox folders apart. With one folder a file is named
 * by its path inside it ({@code 091-helsinki.xlsx}); with several, every outputs' key (files.csv,
 * findings, pages, archive notes, "since the previous run") would collide for
 * {@code inbox/2025/091-helsinki.xlsx} and {@code inbox/2026/091-helsinki.xlsx}. So each folder's
 * files are named with the shortest tail of the folder's path that tells the folders apart
 * ({@code 2025/091-helsinki.xlsx}): the same for every run over the same folders, whatever they hold.
 */
final class InboxLabels {
    private InboxLabels() {
    }

    /**
     * The label of each folder root, or an empty map when fewer than two roots are folders (names
     * stay as they were). A file given directly keeps its own name: the user named it.
     */
    static Map<Path, String> of(List<Path> roots) {
        List<Path> dirs = roots.stream().filter(Files::isDirectory).map(r -> r.toAbsolutePath().normalize())
                .distinct().toList();
        Map<Path, String> out = new LinkedHashMap<>();
        if (dirs.size() < 2) {
            return out;
        }
        int deepest = dirs.stream().mapToInt(Path::getNameCount).max().orElse(0);
        for (int k = 1; k <= deepest; k++) {
            Set<String> seen = new HashSet<>();
            int tails = k;
            boolean unique = dirs.stream().allMatch(d -> seen.add(tail(d, tails)));
            if (unique) {
                dirs.forEach(d -> out.put(d, tail(d, tails)));
                return out;
            }
        }
        dirs.forEach(d -> out.put(d, tail(d, d.getNameCount())));
        return out;
    }

    /** The label of one root from {@link #of}, or null when its names take no prefix. */
    static String labelOf(Map<Path, String> labels, Path root) {
        return labels.get(root.toAbsolutePath().normalize());
    }

    /**
     * Files named directly keep their own name unless another input has it too (a file given beside
     * an inbox holding one of that name, or two files of one name from two folders): then each such
     * file is named by the shortest tail of its path that no other input has ({@code b/x.xlsx}), so
     * that files.csv and every output keyed by the name tell them apart.
     */
    static List<InboxEntry> separateDirect(List<InboxEntry> entries, Set<Path> direct) {
        Map<String, Integer> uses = new HashMap<>();
        entries.forEach(e -> uses.merge(e.name(), 1, Integer::sum));
        Set<String> taken = new HashSet<>(uses.keySet());
        List<InboxEntry> out = new ArrayList<>(entries.size());
        for (InboxEntry e : entries) {
            if (!direct.contains(e.path()) || uses.get(e.name()) < 2) {
                out.add(e);
                continue;
            }
            Path abs = e.path().toAbsolutePath().normalize();
            String name = tail(abs, abs.getNameCount());
            for (int k = 2; k < abs.getNameCount(); k++) {
                if (!taken.contains(tail(abs, k))) {
                    name = tail(abs, k);
                    break;
                }
            }
            if (taken.contains(name)) {
                name = abs.toString().replace('\\', '/'); // a file at the root: its whole path
            }
            taken.add(name);
            out.add(new InboxEntry(e.path(), name, e.size(), e.modified(), e.pending(), e.rejectCode(),
                    e.rejectReason()));
        }
        return out;
    }

    private static String tail(Path dir, int k) {
        int n = dir.getNameCount();
        if (n == 0) {
            return dir.toString().replace('\\', '/');
        }
        StringBuilder sb = new StringBuilder();
        for (Path element : dir.subpath(Math.max(0, n - k), n)) {
            sb.append(sb.length() == 0 ? "" : "/").append(FileNames.display(element));
        }
        return sb.toString();
    }
}
