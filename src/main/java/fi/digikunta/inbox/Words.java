package fi.digikunta.inbox;

import fi.digikunta.findings.Message;

/** How the inbox puts its own values into the texts of {@code texts/inbox} and {@code texts/archive}. */
final class Words {
    private Words() {
    }

    /** A usage error's text, given in all three languages at once. */
    static String allLanguages(Message m) {
        return m.fi() + " / " + m.sv() + " / " + m.en();
    }
}
