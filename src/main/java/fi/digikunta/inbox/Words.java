package fi.digikunta.inbox;

import fi.digikunta.findings.Message;

/** How the inbox puts its own values into the texts of {@code texts/inbox} and {@code texts/archive}. */
final class Words {
    private Words() {
    }

    /** A path or an error put into a text whole: Texts cleans and cuts its arguments as workbook text. */
    static Message asIs(Object value) {
        String s = String.valueOf(value);
        return new Message(s, s, s);
    }

    /** A usage error's text, given in all three languages at once. */
    static String allLanguages(Message m) {
        return m.fi() + " / " + m.sv() + " / " + m.en();
    }
}
