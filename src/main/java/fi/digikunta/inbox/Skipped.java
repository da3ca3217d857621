package fi.digikunta.inbox;

import fi.digikunta.findings.Message;

/**
 * Something in the inbox that is not an input file (a lock or temp file, a hidden file or folder,
 * a sub-folder without --recursive, a link to a folder, a special file). Not a return, so it gets
 * no outcome; the run command logs it with --verbose and in the run log.
 *
 * @param name path relative to the inbox root, forward slashes
 * @param code stable code: office-lock, temp-file, hidden, os-metadata, sub-folder, folder-link,
 *     not-a-regular-file, unreadable, vanished
 */
public record Skipped(String name, String code, Message reason) {
}
