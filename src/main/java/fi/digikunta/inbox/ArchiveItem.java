package fi.digikunta.inbox;

import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import java.util.Objects;

/**
 * One input file with its final outcome, as the archive needs it.
 *
 * @param entry the entry the inbox scan gave (its size and time tell whether the file changed since)
 * @param municipalityCode the municipality's code; needed for accepted and superseded returns
 * @param reasonCode the stable code of the reason (for a rejected file); may be null
 * @param reason the reason text (for a rejected file); may be null
 * @param sha256 the SHA-256 (hex) of the file as it was read; the file is moved only while it still
 *     has it. Null when unknown (then size and time alone are checked)
 * @param inboxRound the round given the file's inbox ({@code YEAR=FOLDER} or {@code --round}), kept
 *     beside the archived copy for the runs that read it back; null when none was given
 * @param readAgain true for a file rejected because of the run rather than its content (time or
 *     memory ran out, or the program failed): it stays in the inbox for the next run to read again,
 *     where {@code rejected/} would take a valid return out of the figures for good
 */
public record ArchiveItem(InboxEntry entry, Outcome outcome, String municipalityCode, String reasonCode,
        Message reason, String sha256, Integer inboxRound, boolean readAgain) {
    public ArchiveItem {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(outcome, "outcome");
    }

    public ArchiveItem(InboxEntry entry, Outcome outcome, String municipalityCode, String reasonCode,
            Message reason, String sha256, Integer inboxRound) {
        this(entry, outcome, municipalityCode, reasonCode, reason, sha256, inboxRound, false);
    }

    public ArchiveItem(InboxEntry entry, Outcome outcome, String municipalityCode, String reasonCode,
            Message reason, String sha256) {
        this(entry, outcome, municipalityCode, reasonCode, reason, sha256, null);
    }

    public ArchiveItem(InboxEntry entry, Outcome outcome, String municipalityCode, String reasonCode,
            Message reason) {
        this(entry, outcome, municipalityCode, reasonCode, reason, null);
    }
}
