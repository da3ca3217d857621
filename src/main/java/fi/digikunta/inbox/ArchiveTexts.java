package fi.digikunta.inbox;

import fi.digikunta.findings.Message;

/** Why the archive left a file in the inbox, in Finnish, Swedish and English. */
final class ArchiveTexts {
    private ArchiveTexts() {
    }

    static final Message PENDING = new Message("kesken (tiedostoa kirjoitettiin vielä); jätetty seuraavaan ajoon",
            "pågående (filen skrevs fortfarande); lämnad till nästa körning",
            "pending (still being written); left for the next run");
    static final Message LINK_LEFT = new Message("symbolinen linkki jätetty paikalleen",
            "symbolisk länk lämnad på sin plats", "symbolic link left in place");
    static final Message NO_CODE = new Message("kuntakoodi puuttuu; jätetty saapuneisiin",
            "kommunkod saknas; lämnad i inkorgen", "no municipality code; left in the inbox");
    static final Message CHANGED = new Message("tiedosto muuttui luennan jälkeen; jätetty seuraavaan ajoon",
            "filen ändrades efter läsningen; lämnad till nästa körning",
            "the file changed after it was read; left for the next run");
    static final Message VANISHED = new Message("tiedosto poistui saapuneista ajon aikana",
            "filen försvann ur inkorgen under körningen", "the file disappeared from the inbox during the run");
    static final Message NOT_VERIFIED = new Message("arkistokopiota ei voitu varmentaa; alkuperäinen jätetty",
            "arkivkopian kunde inte verifieras; originalet lämnat",
            "the archived copy could not be verified; the original was left");

    static Message failed(String detail) {
        return new Message("arkistointi epäonnistui: " + detail, "arkiveringen misslyckades: " + detail,
                "archiving failed: " + detail);
    }
}
