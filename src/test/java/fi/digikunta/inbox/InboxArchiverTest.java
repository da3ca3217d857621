package fi.digikunta.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.digikunta.findings.Message;
import fi.digikunta.model.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxArchiverTest {
    private static final Message CORRUPT = new Message("Tiedosto on vioittunut.", "Filen är skadad.",
            "The file is damaged.");

    @TempDir
    Path inbox;
    @TempDir
    Path archive;

    private Path file(String name, String content) throws IOException {
        Path p = inbox.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(60)));
        return p;
    }

    private Map<String, InboxEntry> scan() {
        Map<String, InboxEntry> m = new HashMap<>();
        new InboxScanner().scanAll(List.of(inbox), new InboxOptions(true, Duration.ofSeconds(2))).entries()
                .forEach(e -> m.put(e.name(), e));
        return m;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * Each input's content is found exactly once: in the archive (not counting reason files and the
     * hidden notes of inbox names) or in the inbox.
     */
    private void assertEachExactlyOnce(Map<String, String> shaByInput) throws IOException {
        List<String> present = new ArrayList<>();
        for (Path p : filesUnder(archive)) {
            String n = p.getFileName().toString();
            if (!n.endsWith(".reason.txt") && !n.endsWith(".inbox-name") && !n.endsWith(".inbox-round")) {
                present.add(InboxArchiver.sha256Hex(p));
            }
        }
        for (Path p : filesUnder(inbox)) {
            present.add(InboxArchiver.sha256Hex(p));
        }
        for (Map.Entry<String, String> in : shaByInput.entrySet()) {
            assertEquals(1, present.stream().filter(in.getValue()::equals).count(), in.getKey());
        }
        assertEquals(shaByInput.size(), present.size(), "nothing extra: " + present);
    }

    @Test
    void everyOutcomeGoesToItsPlaceAndEachInputIsFoundExactlyOnce() throws IOException {
        file("helsinki.xlsx", "091 v2");
        file("sub/helsinki-old.xlsx", "091 v1");
        file("espoo.xlsx", "049 with warnings");
        file("broken.xlsx", "not a zip");
        file("growing.xlsx", "half written");
        Map<String, String> sha = new HashMap<>();
        for (Path p : filesUnder(inbox)) {
            sha.put(inbox.relativize(p).toString(), InboxArchiver.sha256Hex(p));
        }
        Map<String, InboxEntry> e = scan();
        List<ArchiveItem> items = List.of(
                new ArchiveItem(e.get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null),
                new ArchiveItem(e.get("sub/helsinki-old.xlsx"), Outcome.SUPERSEDED, "091", "superseded", null),
                new ArchiveItem(e.get("espoo.xlsx"), Outcome.ACCEPTED_WITH_WARNINGS, "049", null, null),
                new ArchiveItem(e.get("broken.xlsx"), Outcome.REJECTED, null, "corrupt-zip", CORRUPT),
                new ArchiveItem(e.get("growing.xlsx").asPending(), Outcome.PENDING, null, null, null));

        List<ArchiveResult> results = new InboxArchiver(archive).archive(items);

        assertEquals(List.of(ArchiveResult.Action.ARCHIVED, ArchiveResult.Action.ARCHIVED,
                ArchiveResult.Action.ARCHIVED, ArchiveResult.Action.ARCHIVED, ArchiveResult.Action.LEFT),
                results.stream().map(ArchiveResult::action).toList());
        assertEquals("091 v2", Files.readString(archive.resolve("091/helsinki.xlsx")));
        assertEquals("091 v1", Files.readString(archive.resolve("091/helsinki-old.xlsx")));
        assertEquals("049 with warnings", Files.readString(archive.resolve("049/espoo.xlsx")));
        assertEquals("not a zip", Files.readString(archive.resolve("rejected/broken.xlsx")));
        String reason = Files.readString(archive.resolve("rejected/broken.xlsx.reason.txt"));
        assertTrue(reason.contains("reason_code: corrupt-zip"), reason);
        assertTrue(reason.contains("fi: Tiedosto on vioittunut."), reason);
        assertTrue(reason.contains("en: The file is damaged."), reason);
        assertEquals(List.of(inbox.resolve("growing.xlsx")), filesUnder(inbox), "only the pending file is left");
        assertEquals(sha.get("growing.xlsx"), InboxArchiver.sha256Hex(inbox.resolve("growing.xlsx")));
        assertEachExactlyOnce(sha);
        assertEquals(archive.resolve("091/helsinki.xlsx"), results.get(0).archived());
    }

    /** A return read back from the archive, even through a link to it, is never moved or removed. */
    @Test
    void aReturnAlreadyInTheArchiveIsLeftWhereItIs() throws IOException {
        Path p = file("helsinki.xlsx", "091");
        new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        Path link = Files.createSymbolicLink(inbox.resolve("archive-link"), archive);
        InboxEntry back = ArchiveReadBack.readBack(link, List.of()).get(0);
        List<ArchiveResult> r = new InboxArchiver(link).archive(
                List.of(new ArchiveItem(back, Outcome.ACCEPTED, "091", null, null, null, 2025)));
        assertEquals(ArchiveResult.Action.ALREADY_ARCHIVED, r.get(0).action());
        assertTrue(Files.isRegularFile(archive.resolve("091/helsinki.xlsx")), "still archived");
        assertFalse(Files.exists(p));
        assertEquals(java.util.Optional.empty(), InboxArchiver.inboxRound(archive.resolve("091/helsinki.xlsx")),
                "nothing written beside it either");
    }

    /** A note left beside a copy that was removed by hand does not pass to the next copy of that name. */
    @Test
    void aNewCopyDoesNotInheritAStaleRoundNote() throws IOException {
        file("helsinki.xlsx", "091 of 2025");
        new InboxArchiver(archive).archive(List.of(
                new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null, null, 2025)));
        Path copy = archive.resolve("091/helsinki.xlsx");
        assertEquals(java.util.Optional.of(2025), InboxArchiver.inboxRound(copy));
        Files.delete(copy);
        file("helsinki.xlsx", "091, no round given");
        new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertTrue(Files.isRegularFile(copy));
        assertEquals(java.util.Optional.empty(), InboxArchiver.inboxRound(copy));
    }

    @Test
    void theCopyKeepsTheOriginalsModificationTime() throws IOException {
        Path p = file("helsinki.xlsx", "091");
        Instant saved = Instant.parse("2026-02-10T08:15:30.123Z");
        Files.setLastModifiedTime(p, FileTime.from(saved));
        List<ArchiveResult> r = new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertEquals(ArchiveResult.Action.ARCHIVED, r.get(0).action());
        // Superseding breaks a tie of fill dates by this time when the archive is read back.
        assertEquals(saved, Files.getLastModifiedTime(archive.resolve("091/helsinki.xlsx")).toInstant());
    }

    @Test
    void aFileWhoseContentIsNotWhatWasReadIsLeftEvenWithTheSameSizeAndTime() throws IOException {
        Path p = file("helsinki.xlsx", "091 as read");
        String read = InboxArchiver.sha256Hex(p);
        InboxEntry entry = scan().get("helsinki.xlsx");
        FileTime time = Files.getLastModifiedTime(p);
        // Rewritten in place after it was read: same length, time put back (a coarse clock).
        Files.writeString(p, "091 as sent");
        Files.setLastModifiedTime(p, time);
        List<ArchiveResult> r = new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(entry, Outcome.ACCEPTED, "091", null, null, read)));
        assertEquals(ArchiveResult.Action.LEFT, r.get(0).action());
        assertEquals("091 as sent", Files.readString(p), "the file stays in the inbox as it is");
        assertFalse(Files.exists(archive.resolve("091/helsinki.xlsx")));
    }

    @Test
    void onlyARecentFileRejectedAsDamagedMayBeAWriteStillGoingOn() {
        Instant now = Instant.parse("2026-03-01T02:00:00Z");
        assertTrue(InboxArchiver.youngDamaged("corrupt-zip", now.minusSeconds(3599), now));
        assertTrue(InboxArchiver.youngDamaged("corrupt-workbook", now.minusSeconds(10), now));
        assertTrue(InboxArchiver.youngDamaged("file-empty", now.minusSeconds(10), now));
        assertTrue(InboxArchiver.youngDamaged("not-a-workbook", now.minusSeconds(10), now), "zeros set aside");
        assertFalse(InboxArchiver.youngDamaged("corrupt-zip", now.minusSeconds(3601), now));
        assertFalse(InboxArchiver.youngDamaged("encrypted", now.minusSeconds(10), now), "a whole file, just wrong");
        assertFalse(InboxArchiver.youngDamaged(null, now.minusSeconds(10), now));
    }

    private static List<String> names(List<InboxEntry> entries) {
        return entries.stream().map(InboxEntry::name).toList();
    }

    @Test
    void archivedReturnsAreReadBackUnderTheNamesTheyHadInTheInbox() throws IOException {
        InboxArchiver archiver = new InboxArchiver(archive);
        // Night 1: two returns, one from a sub-folder, and a rejected one (never read back).
        file("helsinki.xlsx", "091 v1");
        file("uusimaa/espoo.xlsx", "049");
        file("broken.xlsx", "not a zip");
        Map<String, InboxEntry> e = scan();
        archiver.archive(List.of(new ArchiveItem(e.get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null),
                new ArchiveItem(e.get("uusimaa/espoo.xlsx"), Outcome.ACCEPTED, "049", null, null),
                new ArchiveItem(e.get("broken.xlsx"), Outcome.REJECTED, null, "corrupt-zip", CORRUPT)));
        assertEquals(List.of("helsinki.xlsx", "uusimaa/espoo.xlsx"), names(ArchiveReadBack.readBack(archive, List.of())));

        // Night 2: Helsinki resends under the same name; the inbox keeps the plain name tonight.
        file("helsinki.xlsx", "091 v2");
        List<InboxEntry> back = ArchiveReadBack.readBack(archive, List.of("helsinki.xlsx"));
        assertEquals(List.of("archive/091/helsinki.xlsx", "uusimaa/espoo.xlsx"), names(back));
        archiver.archive(List.of(new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertTrue(Files.isRegularFile(archive.resolve("091/helsinki-2.xlsx")));

        // Night 3: the same names as night 2, with v2 (archived last) under the plain one.
        back = ArchiveReadBack.readBack(archive, List.of());
        assertEquals(List.of("archive/091/helsinki.xlsx", "helsinki.xlsx", "uusimaa/espoo.xlsx"), names(back));
        assertEquals("091 v2", Files.readString(back.get(1).path()));
        assertEquals("091 v1", Files.readString(back.get(0).path()));
        // The notes are hidden files: never read as returns, never in the way.
        assertTrue(Files.isRegularFile(archive.resolve("091/.helsinki-2.xlsx.inbox-name")));
        assertTrue(Files.isRegularFile(archive.resolve("049/.espoo.xlsx.inbox-name")));
        assertFalse(Files.exists(archive.resolve("091/.helsinki.xlsx.inbox-name")), "no note when the name is the same");
    }

    @Test
    void neverOverwritesAnArchivedFileButAddsASuffix() throws IOException {
        Files.createDirectories(archive.resolve("091"));
        Files.writeString(archive.resolve("091/helsinki.xlsx"), "last week's");
        Files.writeString(archive.resolve("091/helsinki-2.xlsx"), "the week before");
        file("helsinki.xlsx", "tonight's");
        List<ArchiveResult> r = new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertEquals(archive.resolve("091/helsinki-3.xlsx"), r.get(0).archived());
        assertEquals("last week's", Files.readString(archive.resolve("091/helsinki.xlsx")));
        assertEquals("the week before", Files.readString(archive.resolve("091/helsinki-2.xlsx")));
        assertEquals("tonight's", Files.readString(archive.resolve("091/helsinki-3.xlsx")));
    }

    @Test
    void rejectedNameAvoidsAnExistingReasonFileToo() throws IOException {
        Files.createDirectories(archive.resolve("rejected"));
        Files.writeString(archive.resolve("rejected/x.xlsx.reason.txt"), "orphan reason");
        file("x.xlsx", "bad");
        List<ArchiveResult> r = new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(scan().get("x.xlsx"), Outcome.REJECTED, null, "corrupt-zip", CORRUPT)));
        assertEquals(archive.resolve("rejected/x-2.xlsx"), r.get(0).archived());
        assertEquals("orphan reason", Files.readString(archive.resolve("rejected/x.xlsx.reason.txt")));
        assertTrue(Files.exists(archive.resolve("rejected/x-2.xlsx.reason.txt")));
    }

    @Test
    void aRunStoppedAfterCopyingDoesNotArchiveTwice() throws IOException {
        // The previous run copied and verified, then died before removing the original.
        Files.createDirectories(archive.resolve("091"));
        Files.writeString(archive.resolve("091/helsinki.xlsx"), "same bytes");
        file("helsinki.xlsx", "same bytes");
        Map<String, String> sha = Map.of("helsinki.xlsx", InboxArchiver.sha256Hex(inbox.resolve("helsinki.xlsx")));
        List<ArchiveResult> r = new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertEquals(ArchiveResult.Action.ALREADY_ARCHIVED, r.get(0).action());
        assertEquals(List.of(archive.resolve("091/helsinki.xlsx")), filesUnder(archive));
        assertEachExactlyOnce(sha);
    }

    @Test
    void aFileChangedSinceTheScanIsLeftUntouched() throws IOException {
        Path p = file("helsinki.xlsx", "as validated");
        InboxEntry seen = scan().get("helsinki.xlsx");
        Files.writeString(p, " and a newer version", StandardOpenOption.APPEND);
        List<ArchiveResult> r = new InboxArchiver(archive).archive(
                List.of(new ArchiveItem(seen, Outcome.ACCEPTED, "091", null, null)));
        assertEquals(ArchiveResult.Action.LEFT, r.get(0).action());
        assertNull(r.get(0).archived());
        assertEquals("as validated and a newer version", Files.readString(p));
        assertEquals(List.of(), filesUnder(archive));
    }

    @Test
    void unsafeOrMissingCodeLeavesTheFile() throws IOException {
        file("a.xlsx", "a");
        file("b.xlsx", "b");
        Map<String, InboxEntry> e = scan();
        List<ArchiveResult> r = new InboxArchiver(archive).archive(List.of(
                new ArchiveItem(e.get("a.xlsx"), Outcome.ACCEPTED, "../../etc", null, null),
                new ArchiveItem(e.get("b.xlsx"), Outcome.ACCEPTED, null, null, null)));
        assertTrue(r.stream().allMatch(x -> x.action() == ArchiveResult.Action.LEFT));
        assertEquals(2, filesUnder(inbox).size());
        assertEquals(List.of(), filesUnder(archive));
    }

    @Test
    void linksInsideAreArchivedAsTheLinkOnlyOutsideLinksStay(@TempDir Path elsewhere) throws IOException {
        Path target = file("real.xlsx", "real return");
        Path secret = elsewhere.resolve("secret.xlsx");
        Files.writeString(secret, "outside");
        try {
            Files.createSymbolicLink(inbox.resolve("alias.xlsx"), target);
        } catch (UnsupportedOperationException | IOException ex) {
            Assumptions.abort("symbolic links not available: " + ex);
        }
        Files.createSymbolicLink(inbox.resolve("out.xlsx"), secret);
        Map<String, InboxEntry> e = scan();
        List<ArchiveResult> r = new InboxArchiver(archive).archive(List.of(
                new ArchiveItem(e.get("alias.xlsx"), Outcome.SUPERSEDED, "091", null, null),
                new ArchiveItem(e.get("out.xlsx"), Outcome.REJECTED, null, e.get("out.xlsx").rejectCode(),
                        e.get("out.xlsx").rejectReason())));
        assertEquals(ArchiveResult.Action.ARCHIVED, r.get(0).action());
        assertEquals(ArchiveResult.Action.LEFT, r.get(1).action());
        assertFalse(Files.exists(inbox.resolve("alias.xlsx"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("real return", Files.readString(target), "the link's target is not removed");
        assertEquals("real return", Files.readString(archive.resolve("091/alias.xlsx")));
        assertTrue(Files.isSymbolicLink(inbox.resolve("out.xlsx")));
        assertEquals("outside", Files.readString(secret));
        assertFalse(Files.exists(archive.resolve("rejected")), "nothing read from outside the inbox");
    }

    @Test
    void archiveInsideTheInboxIsAUsageProblem() throws IOException {
        assertTrue(InboxArchiver.problem(inbox.resolve("archive"), List.of(inbox)).isPresent());
        assertTrue(InboxArchiver.problem(archive, List.of(inbox)).isEmpty());
        Path aFile = file("x.xlsx", "x");
        assertTrue(InboxArchiver.problem(aFile, List.of(archive)).isPresent());
    }

    @Test
    void suffixNames() {
        assertEquals("x.xlsx", ArchiveCopy.candidate("x.xlsx", 1));
        assertEquals("x-2.xlsx", ArchiveCopy.candidate("x.xlsx", 2));
        assertEquals("README-3", ArchiveCopy.candidate("README", 3));
        assertEquals(".x-2", ArchiveCopy.candidate(".x", 2));
    }

    /**
     * A municipality folder of the archive moved elsewhere and linked back: its copy read back has a
     * real path outside the archive, and given to the archiver it is found "already archived" as
     * itself through the link. It is never deleted as its own original.
     */
    @Test
    void anArchivedCopyReachedThroughALinkIsNeverDeletedAsItsOwnOriginal() throws IOException {
        file("helsinki.xlsx", "091 v2");
        InboxArchiver archiver = new InboxArchiver(archive);
        archiver.archive(List.of(new ArchiveItem(scan().get("helsinki.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        Path elsewhere = Files.createDirectories(inbox.resolve("elsewhere"));
        Files.move(archive.resolve("091"), elsewhere.resolve("091"));
        try {
            Files.createSymbolicLink(archive.resolve("091"), elsewhere.resolve("091"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.assumeTrue(false, "no symbolic links here");
        }
        Path copy = elsewhere.resolve("091/helsinki.xlsx");
        InboxEntry asRead = new InboxEntry(copy, "helsinki.xlsx", Files.size(copy),
                Files.getLastModifiedTime(copy).toInstant(), false);
        ArchiveResult r = archiver.archive(List.of(new ArchiveItem(asRead, Outcome.ACCEPTED, "091", null, null)))
                .get(0);
        assertEquals(ArchiveResult.Action.ALREADY_ARCHIVED, r.action());
        assertEquals("091 v2", Files.readString(copy));
    }

    /** A rejected file from a sub-folder of an inbox with a round, still there after its copy was made, is archived once. */
    @Test
    void aRejectedFileIsFoundArchivedByItsBytesAlone() throws IOException {
        file("sub/x.xlsx", "bad");
        InboxArchiver archiver = new InboxArchiver(archive);
        ArchiveItem item = new ArchiveItem(scan().get("sub/x.xlsx"), Outcome.REJECTED, null, "corrupt-zip", CORRUPT,
                null, 2026);
        assertEquals(ArchiveResult.Action.ARCHIVED, archiver.archive(List.of(item)).get(0).action());
        file("sub/x.xlsx", "bad"); // as if the run had stopped before removing it
        item = new ArchiveItem(scan().get("sub/x.xlsx"), Outcome.REJECTED, null, "corrupt-zip", CORRUPT, null, 2026);
        assertEquals(ArchiveResult.Action.ALREADY_ARCHIVED, archiver.archive(List.of(item)).get(0).action());
        assertEquals(List.of(archive.resolve("rejected/x.xlsx"), archive.resolve("rejected/x.xlsx.reason.txt")),
                filesUnder(archive));
    }

    /** A name near the file system's 255 bytes is archived, and its notes are found again. */
    @Test
    void aNameOfAlmost255BytesIsArchivedWithItsNotes() throws IOException {
        String name = "091-" + "\u00e4".repeat(117) + ".xlsx"; // 243 bytes in UTF-8
        try {
            file("sub/" + name, "091 v2");
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "names of 243 bytes not allowed here");
        }
        ArchiveItem item = new ArchiveItem(scan().get("sub/" + name), Outcome.ACCEPTED, "091", null, null, null, 2026);
        ArchiveResult r = new InboxArchiver(archive).archive(List.of(item)).get(0);
        assertEquals(ArchiveResult.Action.ARCHIVED, r.action(), String.valueOf(r.note()));
        assertEquals(java.util.Optional.of(2026), InboxArchiver.inboxRound(r.archived()));
        List<InboxEntry> back = ArchiveReadBack.readBack(archive, List.of());
        assertEquals(List.of("sub/" + name), back.stream().map(InboxEntry::name).toList());
    }

    /**
     * A link in the inbox to another inbox file, both archived in one run: the link goes first, so
     * it is not left pointing at nothing (rejected as a broken link on every night after).
     */
    @Test
    void aLinkToAnotherInboxFileIsArchivedBeforeItsTarget() throws IOException {
        Path target = file("a.xlsx", "091 v2");
        try {
            Files.createSymbolicLink(inbox.resolve("z-link.xlsx"), target.getFileName());
        } catch (UnsupportedOperationException | IOException ex) {
            Assumptions.abort("symbolic links not available: " + ex);
        }
        Map<String, InboxEntry> e = scan();
        List<ArchiveResult> r = new InboxArchiver(archive).archive(List.of(
                new ArchiveItem(e.get("a.xlsx"), Outcome.SUPERSEDED, "091", null, null),
                new ArchiveItem(e.get("z-link.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertEquals(List.of(ArchiveResult.Action.ARCHIVED, ArchiveResult.Action.ARCHIVED),
                r.stream().map(ArchiveResult::action).toList(), String.valueOf(r));
        try (Stream<Path> left = Files.list(inbox)) {
            assertEquals(0, left.count(), "nothing left in the inbox, no broken link");
        }
        assertEquals("091 v2", Files.readString(archive.resolve("091/a.xlsx")));
        assertEquals("091 v2", Files.readString(archive.resolve("091/z-link.xlsx")));
    }

    /**
     * A copy takes its name only after its notes are written: a run stopped in between leaves notes
     * without a copy, and the next run archives the return once, noted; a run stopped after the copy
     * took its name (the original still in the inbox) is found already archived, not archived again.
     */
    @Test
    void aRunStoppedAroundTheNotesArchivesTheReturnOnceWithThem() throws IOException {
        file("sub/helsinki.xlsx", "091 v2");
        InboxEntry e = scan().get("sub/helsinki.xlsx");
        Path dir = Files.createDirectories(archive.resolve("091"));
        ArchiveCopy.Digest d = ArchiveCopy.digest(e.path());
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ArchiveCopy.copyVerified(e.path(), dir,
                "helsinki.xlsx", d, e.modified(), t -> false, t -> {
                    ArchiveNotes.write(t, "sub/helsinki.xlsx", 2026);
                    throw new IOException("the run stops here");
                }));
        assertFalse(Files.exists(dir.resolve("helsinki.xlsx")), "no copy without its notes");
        InboxArchiver archiver = new InboxArchiver(archive);
        ArchiveResult r = archiver.archive(List.of(new ArchiveItem(scan().get("sub/helsinki.xlsx"), Outcome.ACCEPTED,
                "091", null, null, null, 2026))).get(0);
        assertEquals(ArchiveResult.Action.ARCHIVED, r.action());
        assertEquals(dir.resolve("helsinki.xlsx"), r.archived());
        file("sub/helsinki.xlsx", "091 v2"); // as if the run had stopped before removing the original
        r = archiver.archive(List.of(new ArchiveItem(scan().get("sub/helsinki.xlsx"), Outcome.ACCEPTED, "091", null,
                null, null, 2026))).get(0);
        assertEquals(ArchiveResult.Action.ALREADY_ARCHIVED, r.action());
        assertEquals(List.of("sub/helsinki.xlsx"), ArchiveReadBack.readBack(archive, List.of()).stream()
                .map(InboxEntry::name).toList());
        assertEquals(java.util.Optional.of(2026), InboxArchiver.inboxRound(dir.resolve("helsinki.xlsx")));
    }

    /** A chain of links in the inbox (z to b to c): all archived, none left pointing at nothing. */
    @Test
    void aChainOfLinksIsArchivedFromItsFarEnd() throws IOException {
        file("c.xlsx", "091 v2");
        try {
            Files.createSymbolicLink(inbox.resolve("b.xlsx"), Path.of("c.xlsx"));
            Files.createSymbolicLink(inbox.resolve("z.xlsx"), Path.of("b.xlsx"));
        } catch (UnsupportedOperationException | IOException ex) {
            Assumptions.abort("symbolic links not available: " + ex);
        }
        Map<String, InboxEntry> e = scan();
        List<ArchiveResult> r = new InboxArchiver(archive).archive(List.of(
                new ArchiveItem(e.get("b.xlsx"), Outcome.SUPERSEDED, "091", null, null),
                new ArchiveItem(e.get("c.xlsx"), Outcome.SUPERSEDED, "091", null, null),
                new ArchiveItem(e.get("z.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertEquals(List.of(ArchiveResult.Action.ARCHIVED, ArchiveResult.Action.ARCHIVED,
                ArchiveResult.Action.ARCHIVED), r.stream().map(ArchiveResult::action).toList(), String.valueOf(r));
        try (Stream<Path> left = Files.list(inbox)) {
            assertEquals(0, left.count(), "nothing left in the inbox, no broken link");
        }
    }

    /** A link left in the inbox (to be read again) keeps the file it points to there too. */
    @Test
    void aLinkLeftInTheInboxKeepsItsTarget() throws IOException {
        file("b.xlsx", "091 v2");
        try {
            Files.createSymbolicLink(inbox.resolve("a.xlsx"), Path.of("b.xlsx"));
        } catch (UnsupportedOperationException | IOException ex) {
            Assumptions.abort("symbolic links not available: " + ex);
        }
        Map<String, InboxEntry> e = scan();
        List<ArchiveResult> r = new InboxArchiver(archive).archive(List.of(
                new ArchiveItem(e.get("a.xlsx"), Outcome.REJECTED, null, "read-limit", CORRUPT, null, null, true),
                new ArchiveItem(e.get("b.xlsx"), Outcome.ACCEPTED, "091", null, null)));
        assertEquals(List.of(ArchiveResult.Action.LEFT, ArchiveResult.Action.LEFT),
                r.stream().map(ArchiveResult::action).toList(), String.valueOf(r));
        assertEquals("091 v2", Files.readString(inbox.resolve("a.xlsx")), "the link still leads to its file");
        assertFalse(Files.exists(archive.resolve("091")));
    }

    /** A name of 255 bytes resent with other bytes, and a rejected one: archived, with their notes and reasons. */
    @Test
    void aNameOf255BytesGetsAShortenedCopyNameAndAHashedReasonFile() throws IOException {
        String name = "091-" + "\u00e4".repeat(123) + ".xlsx"; // 255 bytes in UTF-8
        try {
            file(name, "091 v1");
        } catch (IOException e) {
            Assumptions.abort("names of 255 bytes not allowed here");
        }
        InboxArchiver archiver = new InboxArchiver(archive);
        assertEquals(ArchiveResult.Action.ARCHIVED, archiver.archive(List.of(
                new ArchiveItem(scan().get(name), Outcome.ACCEPTED, "091", null, null))).get(0).action());
        file(name, "091 v2");
        ArchiveResult r = archiver.archive(List.of(new ArchiveItem(scan().get(name), Outcome.ACCEPTED, "091", null,
                null))).get(0);
        assertEquals(ArchiveResult.Action.ARCHIVED, r.action(), String.valueOf(r.note()));
        assertTrue(r.archived().getFileName().toString().endsWith("-2.xlsx"));
        assertEquals("091 v2", Files.readString(r.archived()));
        // The later copy keeps the plain name (its note); the first is named by its place.
        assertEquals(List.of(name, "archive/091/" + name), ArchiveReadBack.readBack(archive,
                List.of()).stream().map(InboxEntry::name).sorted().toList());
        file(name, "bad");
        r = archiver.archive(List.of(new ArchiveItem(scan().get(name), Outcome.REJECTED, null, "corrupt-zip", CORRUPT)))
                .get(0);
        assertEquals(ArchiveResult.Action.ARCHIVED, r.action(), String.valueOf(r.note()));
        assertTrue(Files.readString(InboxArchiver.reasonFile(r.archived())).contains("corrupt-zip"));
    }

    /** The copy number is read from the copy's name and checked against the name copy n gets. */
    @Test
    void theCopyNumberOfAnArchivedName() {
        assertEquals(1, ArchiveReadBack.copyNumber(Path.of("091/x.xlsx"), "sub/x.xlsx"));
        assertEquals(2, ArchiveReadBack.copyNumber(Path.of("091/x-2.xlsx"), "x.xlsx"));
        assertEquals(12, ArchiveReadBack.copyNumber(Path.of("091/a.b-12.xlsx"), "a.b.xlsx"));
        assertEquals(3, ArchiveReadBack.copyNumber(Path.of("091/README-3"), "README"));
        assertEquals(2, ArchiveReadBack.copyNumber(Path.of("091/.x-2"), ".x"));
        String longName = "091-" + "\u00e4".repeat(123) + ".xlsx";
        assertEquals(2, ArchiveReadBack.copyNumber(Path.of(ArchiveCopy.candidate(longName, 2)), longName));
        assertEquals(0, ArchiveReadBack.copyNumber(Path.of("091/x-02.xlsx"), "x.xlsx"));
        assertEquals(0, ArchiveReadBack.copyNumber(Path.of("091/y-2.xlsx"), "x.xlsx"));
        assertEquals(0, ArchiveReadBack.copyNumber(Path.of("091/x.xlsx"), "h%C3%A4.xlsx"));
    }
}
