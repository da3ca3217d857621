package fi.digikunta.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the input files of one or more paths (files or folders), sorted by name. Office lock and
 * temp files and hidden files are skipped. Folders are read one level deep unless recursive.
 */
public final class InboxScanner {
    private InboxScanner() {
    }

    public static List<InboxEntry> scan(List<Path> roots, InboxOptions options) {
        List<InboxEntry> out = new ArrayList<>();
        for (Path root : roots) {
            try {
                if (Files.isDirectory(root)) {
                    int depth = options.recursive() ? Integer.MAX_VALUE : 1;
                    try (Stream<Path> s = Files.walk(root, depth)) {
                        s.filter(p -> !p.equals(root)).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                                .filter(p -> !ignored(root.relativize(p)))
                                .forEach(p -> out.add(entry(p, root.relativize(p).toString().replace('\\', '/'))));
                    }
                } else {
                    out.add(entry(root, root.getFileName().toString()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(Comparator.comparing(InboxEntry::name));
        return out;
    }

    /** Office lock files (~$x.xlsx, .~lock.x#), *.tmp and hidden files or folders. */
    public static boolean ignored(Path relative) {
        for (Path part : relative) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("~$")) {
                return true;
            }
        }
        String n = relative.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".tmp");
    }

    private static InboxEntry entry(Path p, String name) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new InboxEntry(p, name, a.size(), a.lastModifiedTime().toInstant(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
