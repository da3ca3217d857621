package fi.digikunta.pipeline;

import fi.digikunta.findings.Message;
import fi.digikunta.findings.Texts;
import fi.digikunta.inbox.ArchiveItem;
import fi.digikunta.inbox.InboxArchiver;
import fi.digikunta.inbox.InboxEntry;
import fi.digikunta.model.FileResult;
import fi.digikunta.model.RunFailure;
import fi.digikunta.publish.RunLog;
import fi.digikunta.publish.SetMarker;
import fi.digikunta.report.ConsoleReporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The archive's part of a run ({@code --archive DIR}): the check that it has not gone, and the moving. */
final class ArchiveStep {
    private ArchiveStep() {
    }

    /**
     * What the set's marker notes of the archive (null without one), after checking that it has not
     * gone: the run of the set in place read returns back from this archive and tonight it holds
     * none (a share not mounted, a folder moved). Publishing would take every archived municipality
     * out of the figures, and archiving would move tonight's returns where the share, mounted again,
     * would hide them; so the run stops first (exit 3). The archive is recognised by its path as
     * given or with its links resolved: a link to an unmounted share leads nowhere. An archive emptied
     * on purpose: one run without --archive, and the next run's set no longer names it.
     *
     * @param inArchive how many returns the archive holds tonight (read back or copies of inbox files)
     */
    static SetMarker.ArchiveUse use(BatchRun.Options o, Set<Path> fromArchive, int inArchive,
            Optional<Path> previous) {
        if (o.archive() == null) {
            return null;
        }
        SetMarker.ArchiveUse use = new SetMarker.ArchiveUse(InboxArchiver.realish(o.archive()).toString(),
                o.archive().toAbsolutePath().normalize().toString(), inArchive);
        if (inArchive > 0) {
            return use;
        }
        previous.flatMap(SetMarker::archiveUse).filter(u -> u.returns() > 0 && u.sameArchive(use)).ifPresent(u -> {
            throw new RunFailure(Texts.get(o.report().lang(), "archive.gone", Message.verbatim(o.archive()),
                    u.returns()));
        });
        return use;
    }

    /** Moves the inbox's files as their outcomes say; returns read back from the archive stay where they are. */
    static void archive(BatchRun.Options o, List<Validation.Checked> checked, Set<Path> fromArchive, RunLog log,
            PrintWriter err) {
        Function<InboxEntry, Integer> inboxRound = o.rounds().lookup();
        List<ArchiveItem> items = new ArrayList<>();
        for (Validation.Checked c : checked) {
            InboxEntry e = c.entry();
            FileResult r = c.result();
            if (fromArchive.contains(e.path())) {
                continue;
            }
            items.add(new ArchiveItem(e, r.outcome(), r.municipalityCode(), r.reasonCode(), r.reason(), c.sha256(),
                    inboxRound.apply(e), Validation.notTheFiles(r)));
        }
        TestGate.beforeArchive();
        new InboxArchiver(o.archive()).archive(items).forEach(a -> {
            log.archived(a);
            if (!o.quiet() && a.note() != null) {
                // A file name may hold escape sequences: the same cleaning as the per-file lines.
                err.println(ConsoleReporter.safe(a.name() + ": " + a.note().get(o.report().lang())));
            }
        });
    }
}
