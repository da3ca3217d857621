package fi.digikunta.inbox;

import java.time.Duration;
import java.util.List;

/**
 * What one scan of the inbox found.
 *
 * @param entries the input files, sorted by name; each gets exactly one outcome in the run
 *     ({@code pending} ones included)
 * @param skipped what was deliberately not taken as input, sorted by name
 * @param waited how long the scan watched recently modified files; zero when none was recent
 */
public record InboxScan(List<InboxEntry> entries, List<Skipped> skipped, Duration waited) {
    public InboxScan {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    public List<InboxEntry> pending() {
        return entries.stream().filter(InboxEntry::pending).toList();
    }
}
